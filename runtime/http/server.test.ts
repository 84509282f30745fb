import { describe, expect, it } from 'vitest';
import type { PipelineControl } from '../control/runtime-control.ts';
import { buildServer } from './server.ts';
import { pipelineEndpoints, pipelineFile } from './testing/pipeline-endpoints.ts';

describe('GET /api/health', () => {
  it('answers 503 with the reason when Kafka is unreachable', async () => {
    const app = await buildServer({
      control: {
        endpoints: pipelineEndpoints(pipelineFile('review-stats')),
        kafkaHealth: async () => ({ connected: false, brokers: ['b:9092'], reason: 'connection refused' }),
      },
    });
    const response = await app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(503);
    const body = response.json() as { status: string; kafka: { connected: boolean }; reason: string };
    expect(body.status).toBe('unavailable');
    expect(body.kafka.connected).toBe(false);
    expect(body.reason).toBe('Kafka is unreachable: connection refused');
    await app.close();
  });

  it('answers 200 with the brokers when the runtime reports Kafka connected', async () => {
    const app = await buildServer({
      control: {
        endpoints: pipelineEndpoints(pipelineFile('review-stats')),
        kafkaHealth: async () => ({ connected: true, brokers: ['b:9092'] }),
      },
    });
    const response = await app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok', kafka: { connected: true, brokers: ['b:9092'] } });
    await app.close();
  });

  it('answers 200 saying degraded when the cluster takes writes but is not whole (a broker down)', async () => {
    const degraded = '4 of 12 partitions have fewer in-sync replicas than replicas';
    const app = await buildServer({
      control: {
        endpoints: pipelineEndpoints(pipelineFile('review-stats')),
        kafkaHealth: async () => ({ connected: true, brokers: ['b:9092', 'c:9092'], degraded }),
      },
    });
    const response = await app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: 'degraded', kafka: { degraded } });
    await app.close();
  });
});

describe('GET /api/health with a broker down', () => {
  it('answers 200 degraded with the reason while writes still succeed', async () => {
    const degraded = 'broker 3 is down; writes still succeed: every partition of reviews has a leader and at least 2 in-sync replicas';
    const app = await buildServer({
      control: {
        endpoints: pipelineEndpoints(pipelineFile('review-stats')),
        kafkaHealth: async () => ({ connected: true, brokers: ['b1:9092', 'b2:9092'], degraded }),
      },
    });
    const response = await app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      status: 'degraded',
      kafka: { connected: true, brokers: ['b1:9092', 'b2:9092'], degraded },
      reason: degraded,
    });
    await app.close();
  });
});

describe('GET /api/health with pipelines', () => {
  it('says degraded, still 200, naming a running pipeline whose task is stuck', async () => {
    const record = { id: 'review-stats', desired: 'running' };
    const pipelines = {
      list: () => [record],
      status: () => ({ state: 'degraded', reason: 'task review-stats.4.0 is failing: sink courseStatsTable: connect ECONNREFUSED' }),
    } as unknown as PipelineControl;
    const app = await buildServer({
      control: {
        endpoints: pipelineEndpoints(pipelineFile('review-stats')),
        kafkaHealth: async () => ({ connected: true, brokers: ['b:9092'] }),
        pipelines,
      },
    });
    const response = await app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      status: 'degraded',
      pipelines: [{ id: 'review-stats', state: 'degraded' }],
      reason: expect.stringContaining('pipeline review-stats is degraded: task review-stats.4.0 is failing'),
    });
    await app.close();
  });
});

describe('errors', () => {
  it('answers an unknown route with the one error shape', async () => {
    const app = await buildServer({
      control: { endpoints: pipelineEndpoints(pipelineFile('review-stats')), kafkaHealth: async () => ({ connected: true, brokers: [] }) },
    });
    const response = await app.inject({ method: 'GET', url: '/api/nope' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ error: { code: 'not-found', message: 'No route for GET /api/nope', details: [] } });
    await app.close();
  });
});
