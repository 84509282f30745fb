// The smallest stateful pipeline the driver tests deploy: reviews from a Kafka topic, counted per course
// (all time), the counts written to a compacted topic. As a document, for the API or for validatePipeline.
export interface CountsPerCourse {
  id: string;
  input: string;
  output: string;
  /** The window keeps one row per review id: a resend is counted once (without it, every record counts). */
  idField?: string;
}

export function countsPerCoursePipeline({ id, input, output, idField }: CountsPerCourse) {
  return {
    format: 1,
    id,
    name: 'Counts per course',
    nodes: [
      { id: 'in', type: 'source.kafka', config: { topic: input, keyField: 'id', eventTimeField: 'createdAt' } },
      {
        id: 'perCourse',
        type: 'window',
        config: {
          keyField: 'courseId',
          eventTimeField: 'createdAt',
          ...(idField ? { idField } : {}),
          windows: [{ name: 'allTime', type: 'all-time' }],
          aggregates: [{ name: 'count', fn: 'count' }],
        },
      },
      { id: 'out', type: 'sink.kafka', config: { topic: output, keyField: 'courseId', compacted: true } },
    ],
    edges: [
      { from: { node: 'in', port: 'out' }, to: { node: 'perCourse', port: 'in' } },
      { from: { node: 'perCourse', port: 'out' }, to: { node: 'out', port: 'in' } },
    ],
  };
}
