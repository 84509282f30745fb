import { describe, expect, it } from 'vitest';
import { NODE_TYPES } from '../catalog/index.ts';
import { pointerSegments } from './json-pointer.ts';
import { validPipelineInput } from './test-pipelines.ts';
import { validatePipeline } from './validate.ts';

type Json = unknown;

/** Sets (or, with undefined, deletes; with '-' as the last segment, appends) the value at a JSON pointer. */
function edit(document: Json, pointer: string, value: Json): Json {
  const segments = pointerSegments(pointer);
  const last = segments.pop();
  let parent: Json = document;
  for (const segment of segments) parent = (parent as Record<string, Json>)[segment];
  if (Array.isArray(parent) && last === '-') parent.push(value);
  else if (Array.isArray(parent) && value === undefined) parent.splice(Number(last), 1);
  else if (value === undefined) delete (parent as Record<string, Json>)[last ?? ''];
  else (parent as Record<string, Json>)[last ?? ''] = value;
  return document;
}

function variant(...edits: [pointer: string, value: Json][]): Json {
  const document = structuredClone(validPipelineInput());
  for (const [pointer, value] of edits) edit(document, pointer, value);
  return document;
}

const edge = (from: string, fromPort: string, to: string, toPort: string) => ({
  from: { node: from, port: fromPort },
  to: { node: to, port: toPort },
});

const cases: { kind: string; input: Json; issues: { code: string; path: string; nodeId?: string; message: string }[] }[] = [
  {
    kind: 'a field of the wrong type',
    input: variant(['/name', 5]),
    issues: [{ code: 'invalid-type', path: '/name', message: "'name' must be a string" }],
  },
  {
    kind: 'a wrong format version',
    input: variant(['/format', 2]),
    issues: [{ code: 'invalid-value', path: '/format', message: "'format' must be 1" }],
  },
  {
    kind: 'an id the API keeps for itself',
    input: variant(['/id', 'validate']),
    issues: [
      {
        code: 'invalid-value',
        path: '/id',
        message: "'id' is reserved: /api/pipelines/validate is the validation endpoint; choose another id",
      },
    ],
  },
  {
    kind: 'a missing config field',
    input: variant(['/nodes/5/config/keyField', undefined]),
    issues: [{ code: 'missing-field', path: '/nodes/5/config/keyField', nodeId: 'stats', message: "'keyField' is required (a string)" }],
  },
  {
    kind: 'an empty keyField on a window',
    input: variant(['/nodes/5/config/keyField', '']),
    issues: [{ code: 'invalid-value', path: '/nodes/5/config/keyField', nodeId: 'stats', message: "'keyField' must name a record field" }],
  },
  {
    kind: 'a missing config',
    input: variant(['/nodes/1/config', undefined]),
    issues: [
      {
        code: 'missing-field',
        path: '/nodes/1/config',
        nodeId: 'spamFilter',
        message: "'config' is required (an object; {} takes every default of spam-filter)",
      },
    ],
  },
  {
    kind: 'a misspelt config field',
    input: variant(['/nodes/6/config/partiton', 3]),
    issues: [
      {
        code: 'unknown-field',
        path: '/nodes/6/config/partiton',
        nodeId: 'statsTopic',
        message: "unknown field 'partiton': remove it or check its spelling",
      },
    ],
  },
  {
    kind: 'an unknown window type',
    input: variant(['/nodes/5/config/windows/0/type', 'weekly']),
    issues: [
      {
        code: 'invalid-value',
        path: '/nodes/5/config/windows/0/type',
        nodeId: 'stats',
        message: "'type' must be one of 'all-time', 'tumbling', 'hopping', 'sliding'",
      },
    ],
  },
  {
    kind: 'a bad duration format',
    input: variant(['/nodes/5/config/windows/0/size', '1 hour']),
    issues: [
      {
        code: 'invalid-value',
        path: '/nodes/5/config/windows/0/size',
        nodeId: 'stats',
        message: "'size' must be a duration: a whole number and a unit, like 500ms, 30s, 15m, 1h, 90d or 2w",
      },
    ],
  },
  {
    kind: 'an unknown node type',
    input: variant(['/nodes/2/type', 'fliter']),
    issues: [
      {
        code: 'unknown-node-type',
        path: '/nodes/2/type',
        nodeId: 'goodOnly',
        message: `unknown node type 'fliter'; use one of ${NODE_TYPES.join(', ')}`,
      },
    ],
  },
  {
    kind: 'a duplicate node id',
    input: variant(['/nodes/-', { id: 'statsTopic', type: 'sink.kafka', config: { topic: 'other' } }]),
    issues: [
      {
        code: 'duplicate-node-id',
        path: '/nodes/8/id',
        nodeId: 'statsTopic',
        message: "node id 'statsTopic' is already used by node 6; give each node its own id",
      },
    ],
  },
  {
    kind: 'an edge to an unknown node',
    input: variant(['/edges/-', edge('stats', 'out', 'nowhere', 'in')]),
    issues: [
      {
        code: 'edge-unknown-node',
        path: '/edges/7/to/node',
        message: "there is no node 'nowhere'; connect the edge to an existing node id",
      },
    ],
  },
  {
    kind: 'an edge from an unknown port',
    input: variant(['/edges/-', edge('spamFilter', 'junk', 'otherTable', 'in')]),
    issues: [
      {
        code: 'edge-unknown-port',
        path: '/edges/7/from/port',
        nodeId: 'spamFilter',
        message: "'spamFilter' (spam-filter) has no output port 'junk'; its outputs are 'valid', 'spam'",
      },
    ],
  },
  {
    kind: 'a source with an input',
    input: variant(['/edges/-', edge('goodOnly', 'out', 'reviews', 'in')]),
    issues: [
      {
        code: 'source-has-input',
        path: '/edges/7/to',
        nodeId: 'reviews',
        message: "'reviews' (source.kafka) is a source and takes no input; edges can only start at it",
      },
    ],
  },
  {
    kind: 'a sink with an output',
    input: variant(['/edges/-', edge('statsTopic', 'out', 'otherTable', 'in')]),
    issues: [
      {
        code: 'sink-has-output',
        path: '/edges/7/from',
        nodeId: 'statsTopic',
        message: "'statsTopic' (sink.kafka) is a sink and has no outputs; edges can only end at it",
      },
    ],
  },
  {
    kind: 'an edge listed twice',
    input: variant(['/edges/-', edge('reviews', 'out', 'spamFilter', 'in')]),
    issues: [{ code: 'duplicate-edge', path: '/edges/7', message: 'the edge reviews.out → spamFilter.in is listed twice; remove one' }],
  },
  {
    kind: 'an unconnected required input',
    input: variant(['/edges/6', undefined]),
    issues: [
      {
        code: 'input-unconnected',
        path: '/nodes/7',
        nodeId: 'otherTable',
        message:
          "nothing is connected to the 'in' input of 'otherTable' (sink.postgres); connect another node's output to it or remove the node",
      },
    ],
  },
  {
    kind: 'a node no source reaches',
    input: variant(
      ['/nodes/-', { id: 'lonely', type: 'filter', config: { expression: 'true' } }],
      ['/nodes/-', { id: 'after', type: 'sink.kafka', config: { topic: 'after' } }],
      ['/edges/-', edge('lonely', 'out', 'after', 'in')],
    ),
    issues: [
      {
        code: 'input-unconnected',
        path: '/nodes/8',
        nodeId: 'lonely',
        message: "nothing is connected to the 'in' input of 'lonely' (filter); connect another node's output to it or remove the node",
      },
      {
        code: 'unreachable-node',
        path: '/nodes/9',
        nodeId: 'after',
        message: "no source leads to 'after' (sink.kafka), so it would never receive a record; connect it downstream of a source",
      },
    ],
  },
  {
    kind: 'a pipeline without a source',
    input: variant(['/nodes', []], ['/edges', []]),
    issues: [
      { code: 'no-source', path: '/nodes', message: 'the pipeline has no source; add a source.kafka node for records to come from' },
    ],
  },
  {
    kind: 'a cycle',
    input: variant(['/edges/-', edge('shape', 'out', 'goodOnly', 'in')]),
    issues: [
      {
        code: 'cycle',
        path: '/edges/7',
        message: 'this edge closes a cycle (goodOnly → route → shape → goodOnly); records must not flow in a loop',
      },
    ],
  },
  {
    kind: 'a window fed by records nothing keyed',
    input: variant(['/nodes/0/config/keyField', undefined]),
    issues: [
      {
        code: 'input-not-keyed',
        path: '/edges/4',
        nodeId: 'stats',
        message:
          "'stats' (window) needs keyed records, but nothing upstream of 'shape' sets a key; set keyField on the source it reads from",
      },
    ],
  },
  {
    kind: 'an expression that does not parse',
    input: variant(['/nodes/2/config/expression', 'rating >= ']),
    issues: [
      {
        code: 'bad-expression',
        path: '/nodes/2/config/expression',
        nodeId: 'goodOnly',
        message: "the expression 'rating >= ' is not valid CEL at character 10: Unexpected token: EOF",
      },
    ],
  },
  {
    kind: 'a bad computed field in a map',
    input: variant(['/nodes/4/config/compute/doubled', 'rating * * 2']),
    issues: [
      {
        code: 'bad-expression',
        path: '/nodes/4/config/compute/doubled',
        nodeId: 'shape',
        message: "the expression 'rating * * 2' is not valid CEL at character 9: Unexpected token: MULTIPLY",
      },
    ],
  },
  {
    kind: 'a condition that is not boolean',
    input: variant(['/nodes/3/config/routes/0/expression', 'size(title)']),
    issues: [
      {
        code: 'expression-not-boolean',
        path: '/nodes/3/config/routes/0/expression',
        nodeId: 'route',
        message: "the condition 'size(title)' gives int, not true or false; compare something, e.g. rating >= 3",
      },
    ],
  },
  {
    kind: 'a zero window size',
    input: variant(['/nodes/5/config/windows/0/size', '0s']),
    issues: [
      {
        code: 'bad-duration',
        path: '/nodes/5/config/windows/0/size',
        nodeId: 'stats',
        message: "'0s' is zero; this duration must be longer than 0",
      },
    ],
  },
  {
    kind: 'a hopping window that advances further than its size',
    input: variant(['/nodes/5/config/windows/0', { name: 'hop', type: 'hopping', size: '1h', advance: '2h' }]),
    issues: [
      {
        code: 'bad-duration',
        path: '/nodes/5/config/windows/0/advance',
        nodeId: 'stats',
        message: 'advance (2h) is longer than size (1h), which would leave gaps; use a tumbling window or a smaller advance',
      },
    ],
  },
  {
    kind: 'an aggregate name used twice',
    input: variant(['/nodes/5/config/aggregates/-', { name: 'count', fn: 'sum', field: 'rating' }]),
    issues: [
      {
        code: 'duplicate-name',
        path: '/nodes/5/config/aggregates/1/name',
        nodeId: 'stats',
        message: "'count' is used twice; give each aggregate name a different name",
      },
    ],
  },
  {
    kind: 'a branch route named like the reserved otherwise port',
    input: variant(['/nodes/3/config/routes/0/port', 'otherwise'], ['/edges/3/from/port', 'otherwise']),
    issues: [
      {
        code: 'duplicate-name',
        path: '/nodes/3/config/routes/0/port',
        nodeId: 'route',
        message: "'otherwise' is reserved; give each output port a different name",
      },
    ],
  },
];

describe('validatePipeline', () => {
  it('accepts the fixture and applies defaults', () => {
    const result = validatePipeline(validPipelineInput());
    expect(result.issues).toEqual([]);
    if (!result.ok) throw new Error('fixture must be valid');
    const topic = result.pipeline.nodes.find((node) => node.id === 'statsTopic');
    expect(topic?.config).toEqual({ topic: 'stats', compacted: false, partitions: 3, retention: 'forever' });
  });

  it.each(cases)('reports $kind', ({ input, issues }) => {
    const result = validatePipeline(input);
    expect(result.ok).toBe(false);
    expect(result.issues).toEqual(issues);
  });

  it('reports an unknown node type once, not as a wall of union errors', () => {
    const result = validatePipeline(variant(['/nodes/2', { id: 'x', type: 'nope', config: { whatever: 1 } }]));
    expect(result.issues.filter((issue) => issue.path.startsWith('/nodes/2'))).toHaveLength(1);
  });

  it('reports problems in several nodes at once', () => {
    const result = validatePipeline(variant(['/nodes/0/config/topic', ''], ['/nodes/6/config/partitions', 0]));
    expect(result.issues.map((issue) => issue.path)).toEqual(['/nodes/0/config/topic', '/nodes/6/config/partitions']);
  });

  it('says what a non-object is', () => {
    expect(validatePipeline(null).issues).toEqual([{ code: 'invalid-type', path: '', message: 'the pipeline must be an object' }]);
    expect(validatePipeline([]).issues).toEqual([{ code: 'invalid-type', path: '', message: 'the pipeline must be an object' }]);
  });

  it('escapes JSON pointer segments', () => {
    const result = validatePipeline(variant(['/nodes/4/config/compute', { 'a/b~c': 'rating >= ' }]));
    expect(result.issues.map((issue) => issue.path)).toEqual(['/nodes/4/config/compute/a~1b~0c']);
  });
});
