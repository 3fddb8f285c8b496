export * from './app-config';
export * from './config.module';
export * from './environment';
export * from './dns-host-resolver';
export * from './proxy-addresses';
