import { z } from "zod";
import { ZSourceParamsSchema } from "@/lib/schemas/params";
import { mutationRoute } from "@/lib/server/http";
import { importAnnotations } from "@/lib/server/sources/import-annotations";

export const dynamic = "force-dynamic";

/** A W3C annotation document: a collection, a page, a list of annotations or one annotation. */
const ZAnnotationDocumentSchema = z.union([z.array(z.unknown()).max(5000, "at most 5,000 annotations at a time"), z.looseObject({})], {
  error: "expected a W3C Web Annotation document (an AnnotationCollection, a list of annotations or one annotation)",
});

/**
 * `POST …/sources/:id/annotations`: W3C Web Annotations re-anchored onto this source by their
 * TextQuote → 201 `{ anchored, unanchored }`; those that do not anchor are listed with the reason.
 */
export const POST = mutationRoute(
  { params: ZSourceParamsSchema, body: ZAnnotationDocumentSchema, action: "edit", maxBytes: 20 * 1024 * 1024 },
  async (ctx, { params, body }) => ({ status: 201, body: await importAnnotations(ctx, params.id, body) }),
);
