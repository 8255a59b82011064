-- CreateIndex
CREATE UNIQUE INDEX "Opinion_photoId_key" ON "Opinion"("photoId");

-- AddForeignKey
ALTER TABLE "Opinion" ADD CONSTRAINT "Opinion_photoId_fkey" FOREIGN KEY ("photoId") REFERENCES "Attachment"("id") ON DELETE SET NULL ON UPDATE CASCADE;
