// A plain table of figures with a caption: the text alternative beside every chart, and the figures of
// a periodic report. Numbers are right-aligned in their own columns.
export function FiguresTable({ caption, header, rows, testId }: { caption: string; header: string[]; rows: (string | number)[][]; testId?: string }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse bg-white text-left text-sm" data-testid={testId}>
        <caption className="mb-1 text-left font-semibold">{caption}</caption>
        <thead>
          <tr>
            {header.map((h, i) => (
              <th key={h} scope="col" className={`border border-stone-300 px-2 py-1 ${i > 0 ? "text-right" : ""}`}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={String(row[0])}>
              {row.map((cell, i) =>
                i === 0 ? (
                  <th key={i} scope="row" className="border border-stone-300 px-2 py-1 font-medium">
                    {cell}
                  </th>
                ) : (
                  <td key={i} className="border border-stone-300 px-2 py-1 text-right tabular-nums">
                    {cell}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
