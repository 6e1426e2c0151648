/* onepass.c - the dense embedding and the sparse latent terms of a text from one encoder pass.
 *
 * The encoder runs once over "passage: <text>" (or "query: <text>"). The dense vector is
 * exactly e5_embed's: the mean of every token's final hidden state, windows weighted by
 * their length, L2-normalized. The sparse vector is e5_embed_sparse's recipe (the SAE
 * over each token's hidden state, max-pooled, top-k) applied to the text's own tokens in
 * that pass, the prefix's tokens left out.
 */
#include "e5.c"

/* Keep the top_k largest of pooled[0..n) in out_idx/out_val, sorted by weight, descending. */
static int top_k_sorted(const float *pooled, int n, int top_k, int32_t *out_idx, float *out_val) {
    int hn = 0;
    for (int j = 0; j < n; j++) {
        float v = pooled[j];
        if (v <= 0.f) continue;
        if (hn < top_k) {
            out_idx[hn] = j; out_val[hn] = v; hn++;
            if (hn == top_k) for (int s = top_k / 2 - 1; s >= 0; s--) heap_sift(out_val, out_idx, s, top_k);
        } else if (v > out_val[0]) {
            out_val[0] = v; out_idx[0] = j; heap_sift(out_val, out_idx, 0, top_k);
        }
    }
    for (int i = 1; i < hn; i++) {
        float v = out_val[i]; int32_t id = out_idx[i]; int j = i - 1;
        while (j >= 0 && out_val[j] < v) { out_val[j + 1] = out_val[j]; out_idx[j + 1] = out_idx[j]; j--; }
        out_val[j + 1] = v; out_idx[j + 1] = id;
    }
    return hn;
}

/* One text: fills dense[e5_dim] and up to top_k sparse entries; returns their number
 * (0 when no SAE is attached), or -1 on a failed allocation. */
int e5_embed_both(e5_model *m, const char *text, int is_query, int top_k,
                  float *dense, int32_t *out_idx, float *out_val) {
    const char *pfx = is_query ? "query: " : "passage: ";
    const char *bare = is_query ? "query:" : "passage:";
    size_t plen = strlen(pfx), tl = strlen(text);
    int H = m->H, WMAX = m->MAXP - 2, nbmax = H / QK, N = m->has_sae ? m->sae_N : 0;

    char *buf = (char *)malloc(plen + tl + 1);
    int capc = (int)(plen + tl) + 4;
    int *cont = (int *)malloc(sizeof(int) * (size_t)capc);
    float *pooled = (float *)calloc((size_t)(N > 0 ? N : 1), sizeof(float));
    if (!buf || !cont || !pooled) { free(buf); free(cont); free(pooled); return -1; }
    memcpy(buf, pfx, plen); memcpy(buf + plen, text, tl + 1);
    int nc = tok_content(&m->tok, buf, cont, capc);
    free(buf);
    /* the prefix's tokens: skipped by the sparse head (kept if they did not tokenize apart) */
    int pids[16], np = tok_content(&m->tok, bare, pids, 16);
    for (int j = 0; j < np; j++) if (j >= nc || cont[j] != pids[j]) { np = 0; break; }

    for (int i = 0; i < H; i++) dense[i] = 0.f;
    double wsum = 0.0;
    int rc = 0;
    int nwin = nc / WMAX + (nc % WMAX ? 1 : 0); if (nwin < 1) nwin = 1;
    for (int w = 0; w < nwin && rc == 0; w++) {
        int a = w * WMAX, b = a + WMAX; if (b > nc) b = nc;
        int cl = b - a, L = cl + 2;
        int *ids = (int *)malloc(sizeof(int) * (size_t)L), *pos = (int *)malloc(sizeof(int) * (size_t)L);
        int *ss = (int *)malloc(sizeof(int) * (size_t)L), *se = (int *)malloc(sizeof(int) * (size_t)L);
        float *hid = (float *)malloc((size_t)L * H * sizeof(float));
        float *mean = (float *)malloc((size_t)H * sizeof(float));
        if (!ids || !pos || !ss || !se || !hid || !mean) rc = -1;
        if (rc == 0) {
            int segoff[2] = {0, L};
            ids[0] = m->tok.bos; pos[0] = 0;
            for (int j = 0; j < cl; j++) { ids[1 + j] = cont[a + j]; pos[1 + j] = 1 + j; }
            ids[L - 1] = m->tok.eos; pos[L - 1] = L - 1;
            for (int t = 0; t < L; t++) { ss[t] = 0; se[t] = L; }
            rc = forward_batch(m, ids, pos, ss, se, segoff, 1, L, NULL, hid);
        }
        if (rc == 0) {
            /* dense: embed_n's arithmetic, in its order (segment mean, then weighted sum) */
            for (int i = 0; i < H; i++) mean[i] = 0.f;
            for (int t = 0; t < L; t++) { const float *r = hid + (size_t)t * H; for (int i = 0; i < H; i++) mean[i] += r[i]; }
            float invL = 1.f / (float)L, wgt = (float)(cl > 0 ? cl : 1);
            for (int i = 0; i < H; i++) mean[i] *= invL;
            for (int i = 0; i < H; i++) dense[i] += wgt * mean[i];
            wsum += wgt;
            int skip = w == 0 ? np : 0, sl = cl - skip;
            if (N > 0 && sl > 0) {
                int8_t *aq = (int8_t *)malloc((size_t)sl * H);
                float *ad = (float *)malloc((size_t)sl * nbmax * sizeof(float));
                int32_t *as = (int32_t *)malloc((size_t)sl * nbmax * sizeof(int32_t));
                if (aq && ad && as) {
                    quantize_acts(hid + (size_t)(1 + skip) * H, sl, H, aq, ad, as);
                    project_sae(m, aq, ad, as, sl, pooled);
                } else rc = -1;
                free(aq); free(ad); free(as);
            }
        }
        free(ids); free(pos); free(ss); free(se); free(hid); free(mean);
    }
    free(cont);
    float inv = wsum > 0 ? (float)(1.0 / wsum) : 1.f, nrm = 0.f;
    for (int i = 0; i < H; i++) { dense[i] *= inv; nrm += dense[i] * dense[i]; }
    nrm = 1.f / sqrtf(nrm > 1e-12f ? nrm : 1e-12f);
    for (int i = 0; i < H; i++) dense[i] *= nrm;
    int hn = rc == 0 && N > 0 ? top_k_sorted(pooled, N, top_k, out_idx, out_val) : 0;
    free(pooled);
    return rc == 0 ? hn : -1;
}

/* n texts, one thread per text (the encoder's own loops then run serially, as in
 * e5_embed_batch): dense is n*e5_dim floats, out_idx/out_val n*top_k entries, nnz n counts
 * (-1 for a text that failed). Returns 0 when every text succeeded. */
int e5_embed_both_batch(e5_model *m, const char **texts, int n, int is_query, int top_k,
                        float *dense, int32_t *out_idx, float *out_val, int *nnz) {
    int failed = 0;
#pragma omp parallel for schedule(dynamic) reduction(| : failed)
    for (int i = 0; i < n; i++) {
        nnz[i] = e5_embed_both(m, texts[i], is_query, top_k, dense + (size_t)i * m->H,
                               out_idx + (size_t)i * top_k, out_val + (size_t)i * top_k);
        failed |= nnz[i] < 0;
    }
    return failed ? -1 : 0;
}
