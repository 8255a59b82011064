-- One open proposal per village of a consultation to count it by its meeting (lib/meeting-count): held
-- by the database, so that two members of staff proposing at once cannot both succeed.
CREATE UNIQUE INDEX "MeetingCountProposal_open_key" ON "MeetingCountProposal"("consultationId", "villageId") WHERE "status" = 'PROPOSED';
