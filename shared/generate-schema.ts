// Writes shared/generated/pipeline.schema.json: `node --import tsx shared/generate-schema.ts`.
// The one file in shared/ that may use Node: a build script, never imported by the app, so shared/tsconfig.json
// leaves it to the root tsconfig (which has Node types).
// biome-ignore lint/style/noRestrictedImports: a build script that writes a file
import { writeFileSync } from 'node:fs';
import { pipelineJsonSchemaText } from './json-schema.ts';

const target = new URL('./generated/pipeline.schema.json', import.meta.url);
writeFileSync(target, pipelineJsonSchemaText());
console.log(`wrote ${target.pathname}`);
