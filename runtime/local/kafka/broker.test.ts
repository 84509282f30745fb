import { afterEach, describe, expect, it } from 'vitest';
import { checkJava, kafkaVersion, PrerequisiteError } from './broker.ts';

const originalPath = process.env.PATH;
afterEach(() => {
  process.env.PATH = originalPath;
});

describe('the local broker prerequisites', () => {
  it('says in one line to install Java or set KAFKA_BROKERS when java is not on PATH', () => {
    process.env.PATH = '/nonexistent';
    expect(() => checkJava()).toThrow(PrerequisiteError);
    expect(() => checkJava()).toThrow(/Java 17 or newer is needed.*or set KAFKA_BROKERS/);
  });

  it('reads the Kafka version from the pom, the one place it is written', () => {
    expect(kafkaVersion()).toMatch(/^4\.\d+\.\d+$/);
  });
});
