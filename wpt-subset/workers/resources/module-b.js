import { bump } from "./module-counter.js";
export const counter = bump();
export const value = "b";
