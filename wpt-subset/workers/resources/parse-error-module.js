// A module worker script that does not parse: none of it runs.
postMessage("this never runs");
export const broken = ;
