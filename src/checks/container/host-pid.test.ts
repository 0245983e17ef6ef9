import { describeHostNamespaceCheck } from '../../../test/kit/inspect.js';
import check from './host-pid.js';

describeHostNamespaceCheck(check, { apiField: 'PidMode', specField: 'pidMode' });
