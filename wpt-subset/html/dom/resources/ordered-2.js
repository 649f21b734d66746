window.orderedLog.push("ordered 2");
