import { next } from "./module-counter.js";
window.moduleLog.push(`external module: next()=${next()} this=${this} currentScript=${document.currentScript}`);
