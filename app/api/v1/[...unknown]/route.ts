// Any /api/v1 path that names no endpoint answers in the API's one error
// shape, rather than with the app's HTML 404 page.
const notFound = () =>
  Response.json({ error: { code: "not_found", message: "No API endpoint at this path. The list is at /api/v1/openapi.json." } }, { status: 404 });

export const GET = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
