import { defineNode } from '../define-node.ts';
import { sinkKafka } from './declaration.ts';
import { sinkKafkaImplementation } from './implementation.ts';

export const sinkKafkaNode = defineNode(sinkKafka, sinkKafkaImplementation);
