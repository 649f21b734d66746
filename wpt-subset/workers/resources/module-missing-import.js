// A module worker whose import cannot be fetched: the worker never runs.
import { nothing } from "./no-such-module.js";
postMessage(nothing);
