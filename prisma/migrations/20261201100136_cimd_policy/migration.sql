-- CreateEnum
CREATE TYPE "CimdPolicy" AS ENUM ('off', 'any_public_host', 'listed_hosts');

-- AlterTable
ALTER TABLE "Org" ADD COLUMN     "cimdAllowedHosts" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "cimdPolicy" "CimdPolicy" NOT NULL DEFAULT 'any_public_host';

-- The on/off switch becomes the policy: on was "any public https host", off stays off.
UPDATE "Org" SET "cimdPolicy" = 'off' WHERE "cimdEnabled" = false;

ALTER TABLE "Org" DROP COLUMN "cimdEnabled";
