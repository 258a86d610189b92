/** A notebook whose one code cell holds `lines`, written as Jupyter writes them: JSON strings. */
export function notebook(lines: readonly string[]): string {
  const source = lines
    .map((l, i) => `    ${JSON.stringify(i < lines.length - 1 ? `${l}\n` : l)}`)
    .join(',\n');
  return `{\n "cells": [\n  {\n   "cell_type": "code",\n   "source": [\n${source}\n   ]\n  }\n ],\n "nbformat": 4\n}\n`;
}
