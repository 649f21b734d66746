throw new RangeError("thrown at module top level");
