// leaflet-geoman ships no Vietnamese: the editor's tooltips and buttons, translated.
export const geomanVietnamese = {
  tooltips: {
    placeMarker: "Chạm để đặt điểm",
    firstVertex: "Chạm để đặt điểm đầu tiên",
    continueLine: "Chạm để vẽ tiếp",
    finishLine: "Chạm vào điểm cuối để kết thúc",
    finishPoly: "Chạm vào điểm đầu tiên để khép vùng",
    finishRect: "Chạm để kết thúc",
  },
  actions: { finish: "Xong", cancel: "Hủy", removeLastVertex: "Xóa điểm vừa vẽ", reset: "Làm lại", clear: "Xóa hết" },
  buttonTitles: {
    drawMarkerButton: "Vẽ điểm",
    drawPolyButton: "Vẽ vùng",
    drawLineButton: "Vẽ đường",
    drawRectButton: "Vẽ hình chữ nhật",
    editButton: "Sửa hình",
    dragButton: "Di chuyển hình",
    deleteButton: "Xóa hình",
  },
};
