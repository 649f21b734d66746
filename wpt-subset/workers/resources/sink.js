// Receives messages and never answers.
onmessage = () => {};
