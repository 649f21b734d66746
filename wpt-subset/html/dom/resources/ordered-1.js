window.orderedLog.push("ordered 1");
