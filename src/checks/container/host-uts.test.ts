import { describeHostNamespaceCheck } from '../../../test/kit/inspect.js';
import check from './host-uts.js';

describeHostNamespaceCheck(check, { apiField: 'UTSMode', specField: 'utsMode' });
