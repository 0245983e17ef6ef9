// Boundary validation: zod's v3 API (shipped inside the zod package as `zod/v3`), because it loads in about
// a third of the time of zod 4's default entry, and the CLI's start-up is part of every audit.
import { z } from 'zod/v3';

export { z };

/** An object schema that keeps unknown keys (engine JSON grows new fields with every API version). */
export const looseObject = <T extends z.ZodRawShape>(shape: T) => z.object(shape).passthrough();
