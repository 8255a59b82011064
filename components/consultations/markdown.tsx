import ReactMarkdown from "react-markdown";

// react-markdown builds React elements and ignores raw HTML: whatever staff type renders inert.
export function Markdown({ children }: { children: string }) {
  return (
    <div className="prose-civic">
      <ReactMarkdown skipHtml>{children}</ReactMarkdown>
    </div>
  );
}
