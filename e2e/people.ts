/** The people of the portal suite; the first-run test creates the owner in an empty database. */
export const owner = { name: "Ada Owner", email: "ada@example.com", password: "correct horse battery" };
export const member = { name: "Max Member", email: "max@example.com", password: "member password 1" };

export const orgA = { name: "Acme Robotics", slug: "acme-robotics" };
export const orgB = { name: "Beta Labs", slug: "beta-labs" };
