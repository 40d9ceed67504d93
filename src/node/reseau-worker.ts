/**
 * Worker thread of the regional rollup (dist-node/reseau-worker.js): reads
 * the files the main thread hands over, one at a time, and answers with what
 * the rollup takes (a territory or why the file was set aside) — plain data;
 * the workbook itself never leaves the worker and is dropped before the next
 * file, so memory stays bounded by the pool's size.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { lireFichierReseau } from './reseau-fichier';
import type { DemandeLecture, ReponseLecture } from './reseau-pool';

const port = parentPort;
if (!port) throw new Error('reseau-worker must run in a worker thread');
const { dir, date } = workerData as { dir: string; date: Date };
port.on('message', (demande: DemandeLecture) => {
  void lireFichierReseau(dir, demande.name, date).then((lecture) => port.postMessage({ i: demande.i, lecture } satisfies ReponseLecture));
});
