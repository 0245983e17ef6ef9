import { describeHostNamespaceCheck } from '../../../test/kit/inspect.js';
import check from './host-ipc.js';

describeHostNamespaceCheck(check, { apiField: 'IpcMode', specField: 'ipcMode' });
