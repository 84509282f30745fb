// One deploy machine for the whole designer, shared by the top bar, the problems list and the live metrics.
import { createActorContext } from '@xstate/react';
import { deployMachine } from '../machines/deploy.ts';

export const DeployContext = createActorContext(deployMachine);
