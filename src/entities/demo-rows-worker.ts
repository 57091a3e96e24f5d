/** Worker thread of the demo loader: turns chunks of row inputs into CSV for COPY. */
import { parentPort } from 'node:worker_threads';
import { chunkRows, type RowInput } from './demo-rows.js';

parentPort!.on('message', (msg: { id: number; inputs: RowInput[] }) => {
  parentPort!.postMessage({ id: msg.id, ...chunkRows(msg.inputs) });
});
