window.externalRanYet = true;
window.externalRan(document.currentScript);
