// A classic worker script that does not parse: none of it runs.
postMessage("this never runs");
var broken = ;
