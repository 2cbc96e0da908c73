/**
 * The page's main-thread tasks in Chromium, and which of them ran Gloss: a CDP trace of the
 * page's tasks beside a sampled CPU profile. Used by `npm run bench` (sections c and j) and the
 * odd-pages e2e test.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { partitionPoint } from '../analysis/text/partition-point';

/** The longest main-thread tasks seen while tracing, in ms of busy time. */
export interface TaskTimes {
  /** The longest task of any kind (the page's own, the browser's, Gloss's). */
  longestTask: number;
  /** The longest task in which Gloss's own code ran (0 when none did). */
  longestGlossTask: number;
}

/** A running trace of one page. */
export interface GlossTaskTrace {
  /** Stops tracing and profiling; the longest tasks seen since the start. */
  stop(): Promise<TaskTimes>;
}

/** The trace events read here (Chrome trace event format). */
interface TraceEvent { name: string; ph: string; ts: number; dur?: number; tid: number; pid: number; args?: { name?: string; beginData?: { url?: string } } }
/** The CDP profiler's profile (Profiler.Profile). */
interface CpuProfile { nodes: { id: number; callFrame: { url: string; functionName: string }; children?: number[] }[]; startTime: number; samples: number[]; timeDeltas: number[] }

/**
 * Records the page's main-thread tasks (trace) and a CPU profile (sampled every 200 µs) at once:
 * a task "runs Gloss" when a sample inside it has a frame of the extension's scripts on its stack.
 * The trace alone cannot tell: continuations of Gloss's promises carry no script URL. Both use the
 * same monotonic clock. A task shorter than the sampling interval may be missed; none of those
 * is long. A task's length is the sampled time the main thread was busy in it: some RunTask
 * events span idle waits (the profile says "(idle)" there), which no one waits on.
 */
export async function startGlossTaskTrace(context: BrowserContext, page: Page): Promise<GlossTaskTrace> {
  const cdp = await context.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (data) => {
    events.push(...(data.value as unknown as TraceEvent[]));
  });
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  // RunTask events are in the disabled-by-default timeline category.
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
  return {
    async stop() {
      const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
      const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
      await cdp.send('Tracing.end');
      await complete;
      const samples = profileSamples(profile);
      // Only the page's main thread: a sample there must not be credited to a compositor or worker
      // task, nor to the main thread of another renderer (Gloss's offscreen document has its own:
      // a long analysis there spans many of the page's short tasks). The page's is the one that
      // parsed its HTML; failing that, every renderer's main thread.
      const key = (event: TraceEvent) => `${event.pid}:${event.tid}`;
      const parsed = events.find((event) => event.name === 'ParseHTML' && event.args?.beginData?.url === page.url());
      const mainThreads = parsed
        ? new Set([key(parsed)])
        : new Set(events.filter((event) => event.ph === 'M' && event.name === 'thread_name' && event.args?.name === 'CrRendererMain').map(key));
      const tasks = events.filter((event) => event.name === 'RunTask' && event.ph === 'X' && event.dur !== undefined && mainThreads.has(key(event)));
      // A task's length is the time the thread was busy in it: some RunTask events span idle waits.
      const busy = tasks.map((task) => {
        const first = partitionPoint(samples.length, (i) => samples[i]!.at < task.ts);
        const inside = samples.slice(first, partitionPoint(samples.length, (i) => samples[i]!.at <= task.ts + task.dur!));
        return { ms: inside.reduce((sum, sample) => sum + (sample.idle ? 0 : sample.span), 0) / 1000, gloss: inside.some((sample) => sample.inGloss) };
      });
      return {
        longestTask: Math.max(0, ...busy.map((task) => task.ms)),
        longestGlossTask: Math.max(0, ...busy.filter((task) => task.gloss).map((task) => task.ms)),
      };
    },
  };
}

/** Times of the profile's samples whose stack holds a frame of an extension script. */
interface Sample {
  at: number;
  /** The time this sample stands for (the gap to the next one), µs. */
  span: number;
  inGloss: boolean;
  idle: boolean;
}

/** The profile's samples: when, for how long, and whether an extension script's frame is on the stack. */
function profileSamples(profile: CpuProfile): Sample[] {
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const frameOf = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const inGloss = (id: number): boolean => {
    for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) if (frameOf.get(at)?.url.startsWith('chrome-extension://')) return true;
    return false;
  };
  const samples: Sample[] = [];
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    at += profile.timeDeltas[i] ?? 0;
    samples.push({ at, span: profile.timeDeltas[i + 1] ?? 0, inGloss: inGloss(id), idle: frameOf.get(id)?.functionName === '(idle)' });
  });
  return samples;
}
