import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { analyse, noArticle } from '../analysis/analyse';
import type { Analysis } from '../analysis/types';
import { articleFromPlainText } from '../article/plain-text';
import { findArticle } from '../article/find-article';
import { primaryLanguage } from '../article/language';
import { parseHtml } from '../article/parse-html';

/** Analyses an HTML page the way the extension does: find the article on the page, then analyse it. */
export function analyseHtml(html: string, url: string | null): Analysis {
  const doc = parseHtml(html, url ?? undefined);
  const found = findArticle(doc, url ? { url } : undefined);
  if (!found) {
    const lang = primaryLanguage(doc.documentElement.getAttribute('lang')) ?? 'und';
    return noArticle(url, doc.title.trim(), lang);
  }
  return analyse(found.article, found.meta.url ?? url);
}

const looksLikeHtml = (s: string) => /^\s*(<!doctype|<html|<head|<body|<\?xml|<!--|<meta|<div|<article)/i.test(s);

/**
 * Reads a page or an article from a file path or an http(s) URL and analyses it. Throws an
 * Error with a one-line message naming the input when it cannot be read.
 */
export async function analyseInput(input: string, url: string | null = null): Promise<Analysis> {
  if (/^https?:\/\//i.test(input)) {
    let response: Response;
    try {
      response = await fetch(input, { redirect: 'follow' });
    } catch (e) {
      throw new Error(`cannot fetch ${input}: ${(e as Error).message}`);
    }
    if (!response.ok) throw new Error(`cannot fetch ${input}: HTTP ${response.status}`);
    return analyseHtml(await response.text(), url ?? response.url);
  }
  let content: string;
  try {
    content = await readFile(input, 'utf8');
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    throw new Error(`cannot read ${input}: ${err.code === 'ENOENT' ? 'no such file' : err.code === 'EISDIR' ? 'is a directory' : err.message}`);
  }
  if (content.includes('\u0000')) throw new Error(`cannot read ${input}: not a text file`);
  const ext = extname(input).toLowerCase();
  if (ext === '.html' || ext === '.htm' || ext === '.xhtml' || (ext !== '.txt' && looksLikeHtml(content))) {
    return analyseHtml(content, url);
  }
  const article = articleFromPlainText(content);
  return article.text.trim() ? analyse(article, url) : noArticle(url, '', article.lang);
}
