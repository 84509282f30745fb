// The one CEL environment every pipeline expression runs in.
import { Environment } from '@marcbachmann/cel-js';

// Records come from JSON, so every number in them is a JS number, which cel-js treats as a CEL double, while integer
// literals in expressions are CEL ints (BigInt). CEL compares doubles and ints across types (`rating >= 3` works) but
// has no mixed arithmetic (`rating * 2` would be "no such overload: double * int"). We add the mixed overloads,
// computing in doubles, so arithmetic between record fields and literals behaves as a person expects.
type Arithmetic = '+' | '-' | '*' | '/' | '%';

const ARITHMETIC: Record<Arithmetic, (a: number, b: number) => number> = {
  '+': (a, b) => a + b,
  '-': (a, b) => a - b,
  '*': (a, b) => a * b,
  '/': (a, b) => a / b,
  '%': (a, b) => a % b,
};

function createEnvironment(): Environment {
  // Undeclared variables are dyn: a record's fields are only known when it arrives.
  const environment = new Environment({ unlistedVariablesAreDyn: true, homogeneousAggregateLiterals: false });
  for (const [operator, apply] of Object.entries(ARITHMETIC)) {
    environment.registerOperator(`double ${operator} int: double`, (a: number, b: bigint) => apply(a, Number(b)));
    environment.registerOperator(`int ${operator} double: double`, (a: bigint, b: number) => apply(Number(a), b));
  }
  // CEL has no modulo on doubles; JSON integers arrive as doubles, so `rating % 2` needs it.
  environment.registerOperator('double % double: double', (a: number, b: number) => a % b);
  return environment;
}

export const celEnvironment = createEnvironment();
