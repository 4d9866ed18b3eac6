import Link from "next/link";

/** The footer of a paginated table: "N things · page x of y" and Previous / Next links. */
export function Pager({ total, noun, plural = `${noun}s`, page, pages, hrefFor }: { total: number; noun: string; plural?: string; page: number; pages: number; hrefFor: (page: number) => string }) {
  return (
    <div className="flex items-center justify-between border-t border-slate-200 px-5 py-3 text-xs text-slate-500">
      <span>{total.toLocaleString("en")} {total === 1 ? noun : plural}{pages > 1 ? ` · page ${page} of ${pages}` : ""}</span>
      <span className="flex gap-3">
        {page > 1 ? <Link className="text-brand-600 hover:underline" href={hrefFor(page - 1)}>Previous</Link> : null}
        {page < pages ? <Link className="text-brand-600 hover:underline" href={hrefFor(page + 1)}>Next</Link> : null}
      </span>
    </div>
  );
}
