-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('RESIDENT', 'VILLAGE_HEAD', 'STAFF', 'LEADER', 'FRONT_REVIEWER', 'ADMIN');

-- CreateEnum
CREATE TYPE "MembershipStatus" AS ENUM ('PENDING', 'VERIFIED', 'REJECTED');

-- CreateEnum
CREATE TYPE "VerificationMethod" AS ENUM ('LIST_MATCH', 'INVITE_CODE', 'IN_PERSON', 'APPOINTED');

-- CreateEnum
CREATE TYPE "MatterKind" AS ENUM ('DISCLOSURE', 'DECISION', 'CONSULTATION');

-- CreateEnum
CREATE TYPE "LegalCategory" AS ENUM ('DISCLOSURE_SOCIO_ECONOMIC_PLAN', 'DISCLOSURE_BUDGET', 'DISCLOSURE_INVESTMENT_LAND', 'DISCLOSURE_OTHER', 'DECISION_COMMUNITY_WORKS', 'DECISION_COMMUNITY_FUNDS', 'DECISION_VILLAGE_CONVENTION', 'DECISION_VILLAGE_HEAD', 'DECISION_SUPERVISION_BOARDS', 'DECISION_OTHER_SELF_MANAGEMENT', 'CONSULTATION_SOCIO_ECONOMIC_PLAN', 'CONSULTATION_LAND_USE_PLAN', 'CONSULTATION_PLANNING', 'CONSULTATION_INVESTMENT_PROJECT', 'CONSULTATION_COMPENSATION_RESETTLEMENT', 'CONSULTATION_ENVIRONMENT', 'CONSULTATION_ADMINISTRATIVE_BOUNDARY', 'CONSULTATION_OTHER');

-- CreateEnum
CREATE TYPE "Subject" AS ENUM ('PLAN', 'PROJECT', 'ZONING', 'BUDGET', 'CONVENTION', 'OTHER');

-- CreateEnum
CREATE TYPE "ConsultationStatus" AS ENUM ('DRAFT', 'SCHEDULED', 'PUBLISHED', 'CLOSED', 'SUMMARISED', 'OUTCOME_PUBLISHED');

-- CreateEnum
CREATE TYPE "Channel" AS ENUM ('WEB', 'PAPER', 'MEETING', 'ASSISTED', 'COMMENT_BOX', 'HOTLINE', 'FRONT', 'CONFERENCE');

-- CreateEnum
CREATE TYPE "PostingChannel" AS ENUM ('WEB_PORTAL', 'NOTICE_BOARD', 'LOUDSPEAKER', 'VILLAGE_HEAD', 'DOCUMENTS_TO_HOUSEHOLDS', 'CONFERENCE', 'MESSAGE_TO_HOUSEHOLDS', 'SOCIAL_NETWORK');

-- CreateEnum
CREATE TYPE "AttachmentKind" AS ENUM ('DOCUMENT', 'IMAGE', 'MINUTES', 'POSTING_PHOTO', 'OPINION_PHOTO', 'EXPORT');

-- CreateEnum
CREATE TYPE "QuestionKind" AS ENUM ('YES_NO_ABSTAIN', 'SINGLE_CHOICE', 'MULTIPLE_CHOICE');

-- CreateEnum
CREATE TYPE "VotingUnit" AS ENUM ('RESIDENT', 'HOUSEHOLD');

-- CreateEnum
CREATE TYPE "ThresholdRule" AS ENUM ('MAJORITY_OF_ALL_IN_SCOPE', 'MAJORITY_OF_VOTES_CAST', 'NONE');

-- CreateEnum
CREATE TYPE "TallySource" AS ENUM ('MEETING', 'INDIVIDUAL');

-- CreateEnum
CREATE TYPE "MeetingForm" AS ENUM ('SHOW_OF_HANDS', 'SECRET_BALLOT');

-- CreateEnum
CREATE TYPE "Stance" AS ENUM ('SUPPORT', 'OPPOSE', 'OTHER');

-- CreateEnum
CREATE TYPE "ModerationState" AS ENUM ('VISIBLE', 'PENDING_REVIEW', 'HIDDEN');

-- CreateEnum
CREATE TYPE "ModerationActionKind" AS ENUM ('AUTO_HIDE', 'HIDE', 'RESTORE');

-- CreateEnum
CREATE TYPE "ModerationReason" AS ENUM ('ABUSE', 'PERSONAL_DATA', 'SPAM', 'OFF_TOPIC', 'UNLAWFUL', 'OTHER');

-- CreateEnum
CREATE TYPE "AppealStatus" AS ENUM ('PENDING', 'UPHELD', 'REJECTED');

-- CreateEnum
CREATE TYPE "AnswerKind" AS ENUM ('TAKEN_ON_BOARD', 'EXPLAINED', 'OUT_OF_SCOPE');

-- CreateEnum
CREATE TYPE "ReactionKind" AS ENUM ('AGREE', 'DISAGREE');

-- CreateEnum
CREATE TYPE "ReportStatus" AS ENUM ('DRAFT', 'FRONT_REVIEW', 'FRONT_SIGNED_OFF', 'APPROVED', 'PUBLISHED');

-- CreateEnum
CREATE TYPE "NoticeStatus" AS ENUM ('DRAFT', 'APPROVED', 'PUBLISHED');

-- CreateEnum
CREATE TYPE "DocumentType" AS ENUM ('BC', 'TB', 'KH', 'BB');

-- CreateEnum
CREATE TYPE "DataRequestKind" AS ENUM ('ACCESS', 'CORRECTION', 'DELETION');

-- CreateEnum
CREATE TYPE "DataRequestStatus" AS ENUM ('OPEN', 'DONE', 'REFUSED');

-- CreateEnum
CREATE TYPE "OneTimeCodePurpose" AS ENUM ('PHONE_VERIFICATION', 'PASSWORD_RESET');

-- CreateEnum
CREATE TYPE "DeliveryStatus" AS ENUM ('PENDING', 'SENT', 'FAILED', 'SKIPPED');

-- CreateTable
CREATE TABLE "Commune" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "province" TEXT NOT NULL,
    "boundary" JSONB,
    "centerLat" DOUBLE PRECISION NOT NULL,
    "centerLng" DOUBLE PRECISION NOT NULL,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "settings" JSONB NOT NULL DEFAULT '{}',
    "opinionSeq" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Commune_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Village" (
    "id" TEXT NOT NULL,
    "communeId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "boundary" JSONB,
    "householdCount" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Village_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Household" (
    "id" TEXT NOT NULL,
    "communeId" TEXT NOT NULL,
    "villageId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "address" TEXT,
    "representativeId" TEXT,
    "isActive" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Household_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Resident" (
    "id" TEXT NOT NULL,
    "communeId" TEXT NOT NULL,
    "householdId" TEXT NOT NULL,
    "villageId" TEXT NOT NULL,
    "fullName" TEXT NOT NULL,
    "nameKey" TEXT NOT NULL,
    "birthYear" INTEGER,
    "isActive" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Resident_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "phone" TEXT,
    "email" TEXT,
    "phoneVerifiedAt" TIMESTAMP(3),
    "passwordHash" TEXT NOT NULL,
    "locale" TEXT NOT NULL DEFAULT 'vi',
    "isPlatformAdmin" BOOLEAN NOT NULL DEFAULT false,
    "emailOptOut" BOOLEAN NOT NULL DEFAULT false,
    "emailDigest" BOOLEAN NOT NULL DEFAULT true,
    "anonymisedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Membership" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "communeId" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "villageId" TEXT,
    "residentId" TEXT,
    "status" "MembershipStatus" NOT NULL DEFAULT 'PENDING',
    "verificationMethod" "VerificationMethod",
    "verifiedAt" TIMESTAMP(3),
    "verifiedById" TEXT,
    "rejectionReason" TEXT,
    "claimedName" TEXT,
    "claimedBirthYear" INTEGER,
    "title" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Membership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AccountBlock" (
    "id" TEXT NOT NULL,
    "communeId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endsAt" TIMESTAMP(3),
    "liftedAt" TIMESTAMP(3),
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AccountBlock_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ResidentInvite" (
    "id" TEXT NOT NULL,
    "communeId" TEXT NOT NULL,
    "residentId" TEXT NOT NULL,
    "codeHash" TEXT NOT NULL,
    "issuedById" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ResidentInvite_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OneTimeCode" (
    "id" TEXT NOT NULL,
    "phone" TEXT NOT NULL,
    "purpose" "OneTimeCodePurpose" NOT NULL,
    "codeHash" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "consumedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OneTimeCode_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SmsMessage" (
    "id" TEXT NOT NULL,
    "phone" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "status" "DeliveryStatus" NOT NULL DEFAULT 'PENDING',
    "error" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),

    CONSTRAINT "SmsMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConsentRecord" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "communeId" TEXT,
    "purpose" TEXT NOT NULL,
    "textVersion" TEXT NOT NULL,
    "givenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "withdrawnAt" TIMESTAMP(3),

    CONSTRAINT "ConsentRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DataRequest" (
    "id" TEXT NOT NULL,
    "communeId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" "DataRequestKind" NOT NULL,
    "status" "DataRequestStatus" NOT NULL DEFAULT 'OPEN',
    "details" TEXT,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "resolvedAt" TIMESTAMP(3),
    "resolvedById" TEXT,
    "resolution" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DataRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RateLimit" (
    "key" TEXT NOT NULL,
    "points" INTEGER NOT NULL DEFAULT 0,
    "expire" TIMESTAMP(3),

    CONSTRAINT "RateLimit_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "ImportBatch" (
    "id" TEXT NOT NULL,
    "communeId" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "rowCount" INTEGER NOT NULL,
    "created" INTEGER NOT NULL DEFAULT 0,
    "updated" INTEGER NOT NULL DEFAULT 0,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ImportBatch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Consultation" (
    "id" TEXT NOT NULL,
    "communeId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "matterKind" "MatterKind" NOT NULL,
    "legalCategory" "LegalCategory" NOT NULL,
    "subject" "Subject" NOT NULL,
    "status" "ConsultationStatus" NOT NULL DEFAULT 'DRAFT',
    "isCommuneWide" BOOLEAN NOT NULL DEFAULT true,
    "allowedChannels" "Channel"[],
    "postingStartsAt" TIMESTAMP(3),
    "postingEndsAt" TIMESTAMP(3),
    "commentStartsAt" TIMESTAMP(3),
    "commentEndsAt" TIMESTAMP(3),
    "publishAt" TIMESTAMP(3),
    "publishedAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "legalBasis" TEXT NOT NULL DEFAULT '',
    "responsibleOfficer" TEXT NOT NULL DEFAULT '',
    "geometry" JSONB,
    "centerLat" DOUBLE PRECISION,
    "centerLng" DOUBLE PRECISION,
    "searchText" TEXT NOT NULL DEFAULT '',
    "showResultsLive" BOOLEAN NOT NULL DEFAULT false,
    "requiresBroadcast" BOOLEAN NOT NULL DEFAULT false,
    "onlineVoteNoticeAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "opinionSeq" INTEGER NOT NULL DEFAULT 0,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Consultation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConsultationSection" (
    "id" TEXT NOT NULL,
    "communeId" TEXT NOT NULL,
    "consultationId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "anchor" TEXT NOT NULL,
    "heading" TEXT NOT NULL,
    "body" TEXT NOT NULL,

    CONSTRAINT "ConsultationSection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConsultationVillage" (
    "consultationId" TEXT NOT NULL,
    "villageId" TEXT NOT NULL,
    "communeId" TEXT NOT NULL,

    CONSTRAINT "ConsultationVillage_pkey" PRIMARY KEY ("consultationId","villageId")
);

-- CreateTable
CREATE TABLE "ConsultationVersion" (
    "id" TEXT NOT NULL,
    "communeId" TEXT NOT NULL,
    "consultationId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "changes" JSONB NOT NULL,
    "snapshot" JSONB NOT NULL,
    "note" TEXT,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConsultationVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Attachment" (
    "id" TEXT NOT NULL,
    "communeId" TEXT NOT NULL,
    "consultationId" TEXT,
    "kind" "AttachmentKind" NOT NULL,
    "fileName" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "storageKey" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "title" TEXT,
    "uploadedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Attachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DisclosurePosting" (
    "id" TEXT NOT NULL,
    "communeId" TEXT NOT NULL,
    "consultationId" TEXT,
    "noticeId" TEXT,
    "channel" "PostingChannel" NOT NULL,
    "location" TEXT NOT NULL DEFAULT '',
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3),
    "broadcastDates" DATE[],
    "photoId" TEXT,
    "note" TEXT,
    "recordedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DisclosurePosting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BallotQuestion" (
    "id" TEXT NOT NULL,
    "communeId" TEXT NOT NULL,
    "consultationId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "kind" "QuestionKind" NOT NULL,
    "votingUnit" "VotingUnit" NOT NULL,
    "maxChoices" INTEGER NOT NULL DEFAULT 1,
    "thresholdRule" "ThresholdRule" NOT NULL DEFAULT 'MAJORITY_OF_ALL_IN_SCOPE',
    "thresholdPercent" DOUBLE PRECISION NOT NULL DEFAULT 50,
    "quorumPercent" DOUBLE PRECISION,

    CONSTRAINT "BallotQuestion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BallotOption" (
    "id" TEXT NOT NULL,
    "communeId" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "label" TEXT NOT NULL,
    "isAffirmative" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "BallotOption_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Vote" (
    "id" TEXT NOT NULL,
    "communeId" TEXT NOT NULL,
    "consultationId" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "voterKey" TEXT NOT NULL,
    "householdId" TEXT,
    "residentId" TEXT,
    "villageId" TEXT NOT NULL,
    "userId" TEXT,
    "channel" "Channel" NOT NULL,
    "enteredById" TEXT,
    "assistReason" TEXT,
    "receiptCode" TEXT NOT NULL,
    "changeCount" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Vote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VoteChoice" (
    "voteId" TEXT NOT NULL,
    "optionId" TEXT NOT NULL,
    "communeId" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,

    CONSTRAINT "VoteChoice_pkey" PRIMARY KEY ("voteId","optionId")
);

-- CreateTable
CREATE TABLE "MeetingRecord" (
    "id" TEXT NOT NULL,
    "communeId" TEXT NOT NULL,
    "consultationId" TEXT NOT NULL,
    "villageId" TEXT NOT NULL,
    "heldAt" TIMESTAMP(3) NOT NULL,
    "form" "MeetingForm" NOT NULL,
    "householdsPresent" INTEGER NOT NULL,
    "householdsTotal" INTEGER NOT NULL,
    "minutesId" TEXT,
    "notes" TEXT,
    "enteredById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MeetingRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MeetingTally" (
    "id" TEXT NOT NULL,
    "communeId" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "optionId" TEXT NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "MeetingTally_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VillageTallySource" (
    "id" TEXT NOT NULL,
    "communeId" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "villageId" TEXT NOT NULL,
    "source" "TallySource" NOT NULL,
    "meetingId" TEXT,
    "reason" TEXT,
    "decidedById" TEXT NOT NULL,
    "decidedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "VillageTallySource_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Opinion" (
    "id" TEXT NOT NULL,
    "communeId" TEXT NOT NULL,
    "consultationId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "parentId" TEXT,
    "authorId" TEXT,
    "residentId" TEXT,
    "householdId" TEXT,
    "villageId" TEXT,
    "displayName" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "stance" "Stance",
    "lat" DOUBLE PRECISION,
    "lng" DOUBLE PRECISION,
    "sectionId" TEXT,
    "photoId" TEXT,
    "channel" "Channel" NOT NULL DEFAULT 'WEB',
    "enteredById" TEXT,
    "assistReason" TEXT,
    "moderationState" "ModerationState" NOT NULL DEFAULT 'VISIBLE',
    "reportCount" INTEGER NOT NULL DEFAULT 0,
    "agreeCount" INTEGER NOT NULL DEFAULT 0,
    "disagreeCount" INTEGER NOT NULL DEFAULT 0,
    "answerId" TEXT,
    "editedAt" TIMESTAMP(3),
    "anonymisedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Opinion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OpinionRevision" (
    "id" TEXT NOT NULL,
    "communeId" TEXT NOT NULL,
    "opinionId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "stance" "Stance",
    "writtenAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OpinionRevision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OpinionAnswer" (
    "id" TEXT NOT NULL,
    "communeId" TEXT NOT NULL,
    "consultationId" TEXT NOT NULL,
    "kind" "AnswerKind" NOT NULL,
    "body" TEXT NOT NULL,
    "answeredById" TEXT NOT NULL,
    "answeredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OpinionAnswer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Reaction" (
    "id" TEXT NOT NULL,
    "communeId" TEXT NOT NULL,
    "opinionId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" "ReactionKind" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Reaction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OpinionReport" (
    "id" TEXT NOT NULL,
    "communeId" TEXT NOT NULL,
    "opinionId" TEXT NOT NULL,
    "reporterId" TEXT NOT NULL,
    "reason" "ModerationReason" NOT NULL,
    "details" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OpinionReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ModerationAction" (
    "id" TEXT NOT NULL,
    "communeId" TEXT NOT NULL,
    "opinionId" TEXT NOT NULL,
    "action" "ModerationActionKind" NOT NULL,
    "reason" "ModerationReason",
    "details" TEXT,
    "actorId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ModerationAction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ModerationAppeal" (
    "id" TEXT NOT NULL,
    "communeId" TEXT NOT NULL,
    "opinionId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "status" "AppealStatus" NOT NULL DEFAULT 'PENDING',
    "decidedById" TEXT,
    "decisionNote" TEXT,
    "decidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ModerationAppeal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SupervisionNote" (
    "id" TEXT NOT NULL,
    "communeId" TEXT NOT NULL,
    "consultationId" TEXT NOT NULL,
    "opinionId" TEXT,
    "reportId" TEXT,
    "authorId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "isPublicFlag" BOOLEAN NOT NULL DEFAULT false,
    "response" TEXT,
    "respondedById" TEXT,
    "respondedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SupervisionNote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "seq" BIGSERIAL NOT NULL,
    "communeId" TEXT,
    "actorId" TEXT,
    "actorRole" TEXT,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT,
    "beforeDigest" TEXT,
    "afterDigest" TEXT,
    "details" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "prevHash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("seq")
);

-- CreateTable
CREATE TABLE "Report" (
    "id" TEXT NOT NULL,
    "communeId" TEXT NOT NULL,
    "consultationId" TEXT NOT NULL,
    "status" "ReportStatus" NOT NULL DEFAULT 'DRAFT',
    "currentVersion" INTEGER NOT NULL DEFAULT 0,
    "documentId" TEXT,
    "frontSignedOffBy" TEXT,
    "frontSignedOffAt" TIMESTAMP(3),
    "approvedById" TEXT,
    "approvedAt" TIMESTAMP(3),
    "publishedAt" TIMESTAMP(3),
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Report_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReportVersion" (
    "id" TEXT NOT NULL,
    "communeId" TEXT NOT NULL,
    "reportId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "snapshot" JSONB NOT NULL,
    "content" JSONB NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReportVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutcomeNotice" (
    "id" TEXT NOT NULL,
    "communeId" TEXT NOT NULL,
    "consultationId" TEXT NOT NULL,
    "reportId" TEXT NOT NULL,
    "status" "NoticeStatus" NOT NULL DEFAULT 'DRAFT',
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "loudspeakerText" TEXT NOT NULL,
    "documentId" TEXT,
    "approvedById" TEXT,
    "approvedAt" TIMESTAMP(3),
    "publishedAt" TIMESTAMP(3),
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OutcomeNotice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DocumentCounter" (
    "communeId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "type" "DocumentType" NOT NULL,
    "lastNumber" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "DocumentCounter_pkey" PRIMARY KEY ("communeId","year","type")
);

-- CreateTable
CREATE TABLE "IssuedDocument" (
    "id" TEXT NOT NULL,
    "communeId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "type" "DocumentType" NOT NULL,
    "number" INTEGER NOT NULL,
    "label" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "issuedById" TEXT NOT NULL,
    "issuedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IssuedDocument_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL,
    "communeId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "link" TEXT,
    "readAt" TIMESTAMP(3),
    "emailStatus" "DeliveryStatus" NOT NULL DEFAULT 'PENDING',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Follow" (
    "userId" TEXT NOT NULL,
    "consultationId" TEXT NOT NULL,
    "communeId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Follow_pkey" PRIMARY KEY ("userId","consultationId")
);

-- CreateIndex
CREATE UNIQUE INDEX "Commune_slug_key" ON "Commune"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Village_communeId_name_key" ON "Village"("communeId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "Village_id_communeId_key" ON "Village"("id", "communeId");

-- CreateIndex
CREATE UNIQUE INDEX "Household_representativeId_key" ON "Household"("representativeId");

-- CreateIndex
CREATE INDEX "Household_communeId_villageId_idx" ON "Household"("communeId", "villageId");

-- CreateIndex
CREATE UNIQUE INDEX "Household_communeId_code_key" ON "Household"("communeId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "Household_id_communeId_key" ON "Household"("id", "communeId");

-- CreateIndex
CREATE INDEX "Resident_communeId_villageId_nameKey_idx" ON "Resident"("communeId", "villageId", "nameKey");

-- CreateIndex
CREATE UNIQUE INDEX "Resident_communeId_householdId_nameKey_birthYear_key" ON "Resident"("communeId", "householdId", "nameKey", "birthYear");

-- CreateIndex
CREATE UNIQUE INDEX "Resident_id_communeId_key" ON "Resident"("id", "communeId");

-- CreateIndex
CREATE UNIQUE INDEX "User_phone_key" ON "User"("phone");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "Membership_communeId_role_status_idx" ON "Membership"("communeId", "role", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Membership_userId_communeId_role_key" ON "Membership"("userId", "communeId", "role");

-- CreateIndex
CREATE UNIQUE INDEX "Membership_residentId_role_key" ON "Membership"("residentId", "role");

-- CreateIndex
CREATE INDEX "AccountBlock_communeId_userId_idx" ON "AccountBlock"("communeId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "ResidentInvite_communeId_codeHash_key" ON "ResidentInvite"("communeId", "codeHash");

-- CreateIndex
CREATE INDEX "OneTimeCode_phone_purpose_createdAt_idx" ON "OneTimeCode"("phone", "purpose", "createdAt");

-- CreateIndex
CREATE INDEX "SmsMessage_phone_createdAt_idx" ON "SmsMessage"("phone", "createdAt");

-- CreateIndex
CREATE INDEX "ConsentRecord_userId_purpose_idx" ON "ConsentRecord"("userId", "purpose");

-- CreateIndex
CREATE INDEX "DataRequest_communeId_status_dueAt_idx" ON "DataRequest"("communeId", "status", "dueAt");

-- CreateIndex
CREATE INDEX "RateLimit_expire_idx" ON "RateLimit"("expire");

-- CreateIndex
CREATE INDEX "ImportBatch_communeId_createdAt_idx" ON "ImportBatch"("communeId", "createdAt");

-- CreateIndex
CREATE INDEX "Consultation_communeId_status_commentEndsAt_idx" ON "Consultation"("communeId", "status", "commentEndsAt");

-- CreateIndex
CREATE INDEX "Consultation_status_commentEndsAt_idx" ON "Consultation"("status", "commentEndsAt");

-- CreateIndex
CREATE INDEX "Consultation_status_publishAt_idx" ON "Consultation"("status", "publishAt");

-- CreateIndex
CREATE UNIQUE INDEX "Consultation_id_communeId_key" ON "Consultation"("id", "communeId");

-- CreateIndex
CREATE INDEX "ConsultationSection_consultationId_position_idx" ON "ConsultationSection"("consultationId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "ConsultationSection_consultationId_anchor_key" ON "ConsultationSection"("consultationId", "anchor");

-- CreateIndex
CREATE UNIQUE INDEX "ConsultationSection_id_communeId_key" ON "ConsultationSection"("id", "communeId");

-- CreateIndex
CREATE INDEX "ConsultationVillage_communeId_villageId_idx" ON "ConsultationVillage"("communeId", "villageId");

-- CreateIndex
CREATE UNIQUE INDEX "ConsultationVersion_consultationId_version_key" ON "ConsultationVersion"("consultationId", "version");

-- CreateIndex
CREATE UNIQUE INDEX "Attachment_storageKey_key" ON "Attachment"("storageKey");

-- CreateIndex
CREATE INDEX "Attachment_communeId_consultationId_idx" ON "Attachment"("communeId", "consultationId");

-- CreateIndex
CREATE INDEX "DisclosurePosting_communeId_startsAt_idx" ON "DisclosurePosting"("communeId", "startsAt");

-- CreateIndex
CREATE INDEX "BallotQuestion_consultationId_position_idx" ON "BallotQuestion"("consultationId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "BallotQuestion_id_communeId_key" ON "BallotQuestion"("id", "communeId");

-- CreateIndex
CREATE UNIQUE INDEX "BallotOption_id_communeId_key" ON "BallotOption"("id", "communeId");

-- CreateIndex
CREATE UNIQUE INDEX "Vote_receiptCode_key" ON "Vote"("receiptCode");

-- CreateIndex
CREATE INDEX "Vote_questionId_villageId_idx" ON "Vote"("questionId", "villageId");

-- CreateIndex
CREATE INDEX "Vote_communeId_userId_idx" ON "Vote"("communeId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "Vote_questionId_voterKey_key" ON "Vote"("questionId", "voterKey");

-- CreateIndex
CREATE INDEX "VoteChoice_questionId_optionId_idx" ON "VoteChoice"("questionId", "optionId");

-- CreateIndex
CREATE INDEX "MeetingRecord_consultationId_villageId_idx" ON "MeetingRecord"("consultationId", "villageId");

-- CreateIndex
CREATE UNIQUE INDEX "MeetingRecord_id_communeId_key" ON "MeetingRecord"("id", "communeId");

-- CreateIndex
CREATE UNIQUE INDEX "MeetingTally_meetingId_optionId_key" ON "MeetingTally"("meetingId", "optionId");

-- CreateIndex
CREATE UNIQUE INDEX "VillageTallySource_questionId_villageId_key" ON "VillageTallySource"("questionId", "villageId");

-- CreateIndex
CREATE INDEX "Opinion_consultationId_moderationState_createdAt_idx" ON "Opinion"("consultationId", "moderationState", "createdAt");

-- CreateIndex
CREATE INDEX "Opinion_communeId_authorId_idx" ON "Opinion"("communeId", "authorId");

-- CreateIndex
CREATE INDEX "Opinion_parentId_idx" ON "Opinion"("parentId");

-- CreateIndex
CREATE UNIQUE INDEX "Opinion_consultationId_number_key" ON "Opinion"("consultationId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "Opinion_id_communeId_key" ON "Opinion"("id", "communeId");

-- CreateIndex
CREATE INDEX "OpinionRevision_opinionId_idx" ON "OpinionRevision"("opinionId");

-- CreateIndex
CREATE INDEX "OpinionAnswer_consultationId_idx" ON "OpinionAnswer"("consultationId");

-- CreateIndex
CREATE INDEX "Reaction_communeId_userId_idx" ON "Reaction"("communeId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "Reaction_opinionId_userId_key" ON "Reaction"("opinionId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "OpinionReport_opinionId_reporterId_key" ON "OpinionReport"("opinionId", "reporterId");

-- CreateIndex
CREATE INDEX "ModerationAction_opinionId_createdAt_idx" ON "ModerationAction"("opinionId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ModerationAppeal_opinionId_key" ON "ModerationAppeal"("opinionId");

-- CreateIndex
CREATE INDEX "SupervisionNote_consultationId_respondedAt_idx" ON "SupervisionNote"("consultationId", "respondedAt");

-- CreateIndex
CREATE UNIQUE INDEX "AuditEvent_hash_key" ON "AuditEvent"("hash");

-- CreateIndex
CREATE INDEX "AuditEvent_communeId_seq_idx" ON "AuditEvent"("communeId", "seq");

-- CreateIndex
CREATE INDEX "AuditEvent_entityType_entityId_idx" ON "AuditEvent"("entityType", "entityId");

-- CreateIndex
CREATE UNIQUE INDEX "Report_consultationId_key" ON "Report"("consultationId");

-- CreateIndex
CREATE UNIQUE INDEX "Report_documentId_key" ON "Report"("documentId");

-- CreateIndex
CREATE UNIQUE INDEX "ReportVersion_reportId_version_key" ON "ReportVersion"("reportId", "version");

-- CreateIndex
CREATE UNIQUE INDEX "OutcomeNotice_consultationId_key" ON "OutcomeNotice"("consultationId");

-- CreateIndex
CREATE UNIQUE INDEX "OutcomeNotice_reportId_key" ON "OutcomeNotice"("reportId");

-- CreateIndex
CREATE UNIQUE INDEX "OutcomeNotice_documentId_key" ON "OutcomeNotice"("documentId");

-- CreateIndex
CREATE UNIQUE INDEX "IssuedDocument_communeId_year_type_number_key" ON "IssuedDocument"("communeId", "year", "type", "number");

-- CreateIndex
CREATE INDEX "Notification_userId_readAt_createdAt_idx" ON "Notification"("userId", "readAt", "createdAt");

-- CreateIndex
CREATE INDEX "Notification_emailStatus_createdAt_idx" ON "Notification"("emailStatus", "createdAt");

-- CreateIndex
CREATE INDEX "Follow_consultationId_idx" ON "Follow"("consultationId");

-- AddForeignKey
ALTER TABLE "Village" ADD CONSTRAINT "Village_communeId_fkey" FOREIGN KEY ("communeId") REFERENCES "Commune"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Household" ADD CONSTRAINT "Household_communeId_fkey" FOREIGN KEY ("communeId") REFERENCES "Commune"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Household" ADD CONSTRAINT "Household_villageId_communeId_fkey" FOREIGN KEY ("villageId", "communeId") REFERENCES "Village"("id", "communeId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Household" ADD CONSTRAINT "Household_representativeId_fkey" FOREIGN KEY ("representativeId") REFERENCES "Resident"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Resident" ADD CONSTRAINT "Resident_communeId_fkey" FOREIGN KEY ("communeId") REFERENCES "Commune"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Resident" ADD CONSTRAINT "Resident_householdId_communeId_fkey" FOREIGN KEY ("householdId", "communeId") REFERENCES "Household"("id", "communeId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Resident" ADD CONSTRAINT "Resident_villageId_communeId_fkey" FOREIGN KEY ("villageId", "communeId") REFERENCES "Village"("id", "communeId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_communeId_fkey" FOREIGN KEY ("communeId") REFERENCES "Commune"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_residentId_communeId_fkey" FOREIGN KEY ("residentId", "communeId") REFERENCES "Resident"("id", "communeId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResidentInvite" ADD CONSTRAINT "ResidentInvite_residentId_communeId_fkey" FOREIGN KEY ("residentId", "communeId") REFERENCES "Resident"("id", "communeId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsentRecord" ADD CONSTRAINT "ConsentRecord_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Consultation" ADD CONSTRAINT "Consultation_communeId_fkey" FOREIGN KEY ("communeId") REFERENCES "Commune"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsultationSection" ADD CONSTRAINT "ConsultationSection_consultationId_communeId_fkey" FOREIGN KEY ("consultationId", "communeId") REFERENCES "Consultation"("id", "communeId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsultationVillage" ADD CONSTRAINT "ConsultationVillage_consultationId_communeId_fkey" FOREIGN KEY ("consultationId", "communeId") REFERENCES "Consultation"("id", "communeId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsultationVersion" ADD CONSTRAINT "ConsultationVersion_consultationId_communeId_fkey" FOREIGN KEY ("consultationId", "communeId") REFERENCES "Consultation"("id", "communeId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_consultationId_communeId_fkey" FOREIGN KEY ("consultationId", "communeId") REFERENCES "Consultation"("id", "communeId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DisclosurePosting" ADD CONSTRAINT "DisclosurePosting_consultationId_communeId_fkey" FOREIGN KEY ("consultationId", "communeId") REFERENCES "Consultation"("id", "communeId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DisclosurePosting" ADD CONSTRAINT "DisclosurePosting_noticeId_fkey" FOREIGN KEY ("noticeId") REFERENCES "OutcomeNotice"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BallotQuestion" ADD CONSTRAINT "BallotQuestion_consultationId_communeId_fkey" FOREIGN KEY ("consultationId", "communeId") REFERENCES "Consultation"("id", "communeId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BallotOption" ADD CONSTRAINT "BallotOption_questionId_communeId_fkey" FOREIGN KEY ("questionId", "communeId") REFERENCES "BallotQuestion"("id", "communeId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Vote" ADD CONSTRAINT "Vote_questionId_communeId_fkey" FOREIGN KEY ("questionId", "communeId") REFERENCES "BallotQuestion"("id", "communeId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VoteChoice" ADD CONSTRAINT "VoteChoice_voteId_fkey" FOREIGN KEY ("voteId") REFERENCES "Vote"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VoteChoice" ADD CONSTRAINT "VoteChoice_optionId_communeId_fkey" FOREIGN KEY ("optionId", "communeId") REFERENCES "BallotOption"("id", "communeId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingRecord" ADD CONSTRAINT "MeetingRecord_consultationId_communeId_fkey" FOREIGN KEY ("consultationId", "communeId") REFERENCES "Consultation"("id", "communeId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingTally" ADD CONSTRAINT "MeetingTally_meetingId_communeId_fkey" FOREIGN KEY ("meetingId", "communeId") REFERENCES "MeetingRecord"("id", "communeId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingTally" ADD CONSTRAINT "MeetingTally_optionId_communeId_fkey" FOREIGN KEY ("optionId", "communeId") REFERENCES "BallotOption"("id", "communeId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VillageTallySource" ADD CONSTRAINT "VillageTallySource_questionId_communeId_fkey" FOREIGN KEY ("questionId", "communeId") REFERENCES "BallotQuestion"("id", "communeId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Opinion" ADD CONSTRAINT "Opinion_consultationId_communeId_fkey" FOREIGN KEY ("consultationId", "communeId") REFERENCES "Consultation"("id", "communeId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Opinion" ADD CONSTRAINT "Opinion_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Opinion"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Opinion" ADD CONSTRAINT "Opinion_sectionId_fkey" FOREIGN KEY ("sectionId") REFERENCES "ConsultationSection"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Opinion" ADD CONSTRAINT "Opinion_answerId_fkey" FOREIGN KEY ("answerId") REFERENCES "OpinionAnswer"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OpinionRevision" ADD CONSTRAINT "OpinionRevision_opinionId_communeId_fkey" FOREIGN KEY ("opinionId", "communeId") REFERENCES "Opinion"("id", "communeId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Reaction" ADD CONSTRAINT "Reaction_opinionId_communeId_fkey" FOREIGN KEY ("opinionId", "communeId") REFERENCES "Opinion"("id", "communeId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OpinionReport" ADD CONSTRAINT "OpinionReport_opinionId_communeId_fkey" FOREIGN KEY ("opinionId", "communeId") REFERENCES "Opinion"("id", "communeId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ModerationAction" ADD CONSTRAINT "ModerationAction_opinionId_communeId_fkey" FOREIGN KEY ("opinionId", "communeId") REFERENCES "Opinion"("id", "communeId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ModerationAppeal" ADD CONSTRAINT "ModerationAppeal_opinionId_fkey" FOREIGN KEY ("opinionId") REFERENCES "Opinion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupervisionNote" ADD CONSTRAINT "SupervisionNote_consultationId_communeId_fkey" FOREIGN KEY ("consultationId", "communeId") REFERENCES "Consultation"("id", "communeId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupervisionNote" ADD CONSTRAINT "SupervisionNote_opinionId_communeId_fkey" FOREIGN KEY ("opinionId", "communeId") REFERENCES "Opinion"("id", "communeId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Report" ADD CONSTRAINT "Report_consultationId_fkey" FOREIGN KEY ("consultationId") REFERENCES "Consultation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Report" ADD CONSTRAINT "Report_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "IssuedDocument"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportVersion" ADD CONSTRAINT "ReportVersion_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "Report"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutcomeNotice" ADD CONSTRAINT "OutcomeNotice_consultationId_fkey" FOREIGN KEY ("consultationId") REFERENCES "Consultation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutcomeNotice" ADD CONSTRAINT "OutcomeNotice_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "Report"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutcomeNotice" ADD CONSTRAINT "OutcomeNotice_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "IssuedDocument"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Constraints Prisma's schema language cannot express (added by hand).

-- A vote's voter key names its unit: "H:<householdId>" or "R:<residentId>". With the unique key on
-- ("questionId", "voterKey") this is what holds one household (or one resident) to one vote.
ALTER TABLE "Vote" ADD CONSTRAINT "Vote_voterKey_matches_unit"
  CHECK ("voterKey" = 'H:' || COALESCE("householdId", '') OR "voterKey" = 'R:' || COALESCE("residentId", ''));

ALTER TABLE "MeetingRecord" ADD CONSTRAINT "MeetingRecord_households_present_valid"
  CHECK ("householdsPresent" >= 0 AND "householdsPresent" <= "householdsTotal");
ALTER TABLE "MeetingTally" ADD CONSTRAINT "MeetingTally_count_non_negative" CHECK ("count" >= 0);
ALTER TABLE "Opinion" ADD CONSTRAINT "Opinion_number_positive" CHECK ("number" > 0);
ALTER TABLE "DocumentCounter" ADD CONSTRAINT "DocumentCounter_lastNumber_non_negative" CHECK ("lastNumber" >= 0);
ALTER TABLE "IssuedDocument" ADD CONSTRAINT "IssuedDocument_number_positive" CHECK ("number" > 0);
