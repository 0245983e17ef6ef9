import { describeHostNamespaceCheck } from '../../../test/kit/inspect.js';
import check from './host-userns.js';

describeHostNamespaceCheck(check, { apiField: 'UsernsMode', specField: 'usernsMode' });
