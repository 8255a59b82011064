// The declaration each member of a community investment supervision board signs (Law 10/2022 Art. 42).
// A module of its own, without the server machinery of ./boards.ts, so the demo seed can use it.
/** The statement each member signs (Law 10/2022 Art. 42), stored as signed, with the names of the work. */
export function declarationText(work: { investor: string | null; contractor: string | null; supervisor: string | null }) {
  const name = (s: string | null) => s?.trim() || "(chưa xác định)";
  return (
    "Tôi cam đoan không có quan hệ gia đình, lợi ích hay công việc với chủ đầu tư " +
    `${name(work.investor)}, nhà thầu thi công ${name(work.contractor)} và đơn vị giám sát ${name(work.supervisor)} ` +
    "của công trình (Điều 42 Luật Thực hiện dân chủ ở cơ sở)."
  );
}
