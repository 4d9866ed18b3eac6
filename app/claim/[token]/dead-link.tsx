/** The same page for a used, expired, replaced or unknown link: nothing tells them apart. */
export function DeadLink() {
  return (
    <div>
      <h1 className="text-lg font-semibold">This link does not work</h1>
      <p className="mt-2 text-sm text-slate-600">
        Key links work once and for 72 hours. Ask the organization that sent it for a new link.
      </p>
    </div>
  );
}
