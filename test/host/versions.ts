// The pinned versions of the test host, as test/host/setup.sh installs them (a unit test keeps the two the same).
/** Node for code-server: its native modules are built for it, and it needs Node 24. */
export const NODE_VERSION = '24.21.0';
export const CODE_SERVER_VERSION = '4.139.1';
