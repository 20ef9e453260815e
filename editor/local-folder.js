// `invoke cms`: Sveltia's "local repository" on the working tree that `invoke cms` serves, in any browser.
//
// Sveltia's local repository asks the browser for a folder (the File System Access API, Chrome and Edge only)
// and then reads and writes through its handles. Here the folder is already known: `invoke cms` serves the unit's
// folder at /_warta/files/ (warta/editor_server.py, which refuses any path outside it), and these handles speak
// to it. They keep only data (a path), so Sveltia can store the folder in IndexedDB as it does a browser's.
const API = "/_warta/files/";
const MARK = "warta-working-tree";

const url = (path) => API + path.split("/").map(encodeURIComponent).join("/");
const join = (folder, name) => (folder ? `${folder}/${name}` : name);

function failure(status, path) {
  const name = status === 404 ? "NotFoundError" : status === 409 ? "TypeMismatchError" : "NotAllowedError";
  return new DOMException(`${path}: ${status}`, name);
}

async function call(path, { method = "GET", query = "", body } = {}) {
  const response = await fetch(url(path) + query, { method, body, cache: "no-store" });
  if (!response.ok) throw failure(response.status, path);
  return response;
}

class Handle {
  constructor(path, kind) {
    this.mark = MARK;
    this.path = path;
    this.kind = kind;
    this.name = path.split("/").pop();
  }

  async isSameEntry(other) {
    return other?.path === this.path && other?.kind === this.kind;
  }

  async queryPermission() {
    return "granted";
  }

  async requestPermission() {
    return "granted";
  }
}

class FolderHandle extends Handle {
  constructor(path) {
    super(path, "directory");
  }

  async *entries() {
    const listing = await (await call(this.path, { query: "?list" })).json();
    for (const { name, kind } of listing) yield [name, handleOf(join(this.path, name), kind)];
  }

  async *keys() {
    for await (const [name] of this.entries()) yield name;
  }

  async *values() {
    for await (const [, handle] of this.entries()) yield handle;
  }

  [Symbol.asyncIterator]() {
    return this.entries();
  }

  async getDirectoryHandle(name, { create = false } = {}) {
    const path = join(this.path, name);
    await call(path, { method: "POST", query: `?kind=directory${create ? "&create" : ""}` });
    return new FolderHandle(path);
  }

  async getFileHandle(name, { create = false } = {}) {
    const path = join(this.path, name);
    await call(path, { method: "POST", query: `?kind=file${create ? "&create" : ""}` });
    return new FileHandle(path);
  }

  async removeEntry(name, { recursive = false } = {}) {
    await call(join(this.path, name), { method: "DELETE", query: recursive ? "?recursive" : "" });
  }

  async resolve(handle) {
    const prefix = this.path ? `${this.path}/` : "";
    return handle.path.startsWith(prefix) ? handle.path.slice(prefix.length).split("/") : null;
  }
}

class FileHandle extends Handle {
  constructor(path) {
    super(path, "file");
  }

  async getFile() {
    const response = await call(this.path);
    const lastModified = Number(response.headers.get("X-Modified-Ms")) || Date.now();
    const type = response.headers.get("Content-Type") || "";
    return new File([await response.blob()], this.name, { lastModified, type });
  }

  async createWritable() {
    return new Writer(this.path);
  }

  async move(folder, name = undefined) {
    const target = typeof folder === "string" ? join(this.path.split("/").slice(0, -1).join("/"), folder) : join(folder.path, name ?? this.name);
    await call(this.path, { method: "PATCH", query: `?to=${encodeURIComponent(target)}` });
    this.path = target;
    this.name = target.split("/").pop();
  }
}

class Writer {
  constructor(path) {
    this.path = path;
    this.parts = [];
  }

  async write(data) {
    const part = data?.type === "write" ? data.data : data;
    if (data?.type === "truncate") this.parts = [];
    else if (part !== undefined) this.parts.push(part);
  }

  async truncate() {
    this.parts = [];
  }

  async close() {
    await call(this.path, { method: "PUT", body: new Blob(this.parts) });
  }

  async abort() {
    this.parts = [];
  }
}

function handleOf(path, kind) {
  return kind === "directory" ? new FolderHandle(path) : new FileHandle(path);
}

// A handle Sveltia stored in IndexedDB comes back as plain data: give it its methods again.
function revive(value) {
  return value?.mark === MARK && typeof value.path === "string" ? handleOf(value.path, value.kind) : value;
}

export function useWorkingTree() {
  window.showDirectoryPicker = async () => new FolderHandle("");
  const result = Object.getOwnPropertyDescriptor(IDBRequest.prototype, "result");
  Object.defineProperty(IDBRequest.prototype, "result", {
    ...result,
    get() {
      return revive(result.get.call(this));
    },
  });
}
