// pi-expect: clean
export const workerThreadsNote = "worker_threads and vm are not available in the pi host";
