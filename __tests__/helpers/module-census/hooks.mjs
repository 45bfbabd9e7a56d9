// Module-loader hooks (node:module register): report the URL of every ES module loaded to the census port.
let port;

export function initialize(data) {
  port = data.port;
}

export async function load(url, context, nextLoad) {
  port.postMessage(url);
  return nextLoad(url, context);
}
