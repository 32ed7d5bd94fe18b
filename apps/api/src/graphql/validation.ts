import { Max, MaxLength, Min } from "class-validator";

/** class-validator decorators that carry their limits, so user errors can state them. */
export const MaxLen = (max: number) => MaxLength(max, { context: { max } });

export function Range(min: number, max: number): PropertyDecorator {
  return (target, key) => {
    Min(min, { context: { min, max } })(target, key as string);
    Max(max, { context: { min, max } })(target, key as string);
  };
}
