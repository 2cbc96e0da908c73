import modelFile from '../../../assets/ner/model.json';
import { loadModel, type CompactWeights, type ModelFile } from './model';

let weights: CompactWeights | undefined;

/** The shipped recogniser (assets/ner/model.json), decoded on first use. */
export function defaultWeights(): CompactWeights {
  weights ??= loadModel(modelFile as ModelFile);
  return weights;
}
