import Link from "next/link";

// Requests outside any locale (rare: the proxy adds one) still get a readable page.
export default function GlobalNotFound() {
  return (
    <html lang="vi">
      <body style={{ fontFamily: "system-ui, sans-serif", padding: "2rem" }}>
        <main>
          <h1>Không tìm thấy trang · Page not found</h1>
          <p>
            <Link href="/">Về trang chủ · Home</Link>
          </p>
        </main>
      </body>
    </html>
  );
}
