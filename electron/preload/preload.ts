import { contextBridge, ipcRenderer, type IpcRendererEvent } from "electron";
import { BRIDGE_GLOBAL, IPC_CHANNELS, type IocBridge } from "../../shared/protocol/bridge.js";

/** One frozen object, no raw ipcRenderer: the renderer can only ask the console API and listen. */
const bridge: IocBridge = Object.freeze({
  kind: "electron" as const,
  request: (request: unknown) => ipcRenderer.invoke(IPC_CHANNELS.request, request),
  onEvent(listener: (event: unknown) => void) {
    const handler = (_e: IpcRendererEvent, event: unknown) => listener(event);
    ipcRenderer.on(IPC_CHANNELS.event, handler);
    return () => {
      ipcRenderer.removeListener(IPC_CHANNELS.event, handler);
    };
  },
});

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, bridge);
