# Hostile module evaluation: cycles, exponential growth, deep chains.
# Each stops at a limit (nesting 64, 200,000 nodes, 1 MiB strings) and
# is unknown: nothing is reported, and it takes no time.
locals {
  a = local.b
  b = local.c
  c = local.a
  self = [local.self]
  l0 = ["x", "y"]
  l1 = concat(local.l0, local.l0)
  l2 = concat(local.l1, local.l1)
  l3 = concat(local.l2, local.l2)
  l4 = concat(local.l3, local.l3)
  l5 = concat(local.l4, local.l4)
  l6 = concat(local.l5, local.l5)
  l7 = concat(local.l6, local.l6)
  l8 = concat(local.l7, local.l7)
  l9 = concat(local.l8, local.l8)
  l10 = concat(local.l9, local.l9)
  l11 = concat(local.l10, local.l10)
  l12 = concat(local.l11, local.l11)
  l13 = concat(local.l12, local.l12)
  l14 = concat(local.l13, local.l13)
  l15 = concat(local.l14, local.l14)
  l16 = concat(local.l15, local.l15)
  l17 = concat(local.l16, local.l16)
  l18 = concat(local.l17, local.l17)
  l19 = concat(local.l18, local.l18)
  l20 = concat(local.l19, local.l19)
  l21 = concat(local.l20, local.l20)
  l22 = concat(local.l21, local.l21)
  l23 = concat(local.l22, local.l22)
  l24 = concat(local.l23, local.l23)
  l25 = concat(local.l24, local.l24)
  l26 = concat(local.l25, local.l25)
  l27 = concat(local.l26, local.l26)
  l28 = concat(local.l27, local.l27)
  l29 = concat(local.l28, local.l28)
  l30 = concat(local.l29, local.l29)
  l31 = concat(local.l30, local.l30)
  l32 = concat(local.l31, local.l31)
  l33 = concat(local.l32, local.l32)
  l34 = concat(local.l33, local.l33)
  l35 = concat(local.l34, local.l34)
  l36 = concat(local.l35, local.l35)
  l37 = concat(local.l36, local.l36)
  l38 = concat(local.l37, local.l37)
  l39 = concat(local.l38, local.l38)
  l40 = concat(local.l39, local.l39)
  m0 = { k = "v" }
  m1 = { a = local.m0, b = local.m0 }
  m2 = { a = local.m1, b = local.m1 }
  m3 = { a = local.m2, b = local.m2 }
  m4 = { a = local.m3, b = local.m3 }
  m5 = { a = local.m4, b = local.m4 }
  m6 = { a = local.m5, b = local.m5 }
  m7 = { a = local.m6, b = local.m6 }
  m8 = { a = local.m7, b = local.m7 }
  m9 = { a = local.m8, b = local.m8 }
  m10 = { a = local.m9, b = local.m9 }
  m11 = { a = local.m10, b = local.m10 }
  m12 = { a = local.m11, b = local.m11 }
  m13 = { a = local.m12, b = local.m12 }
  m14 = { a = local.m13, b = local.m13 }
  m15 = { a = local.m14, b = local.m14 }
  m16 = { a = local.m15, b = local.m15 }
  m17 = { a = local.m16, b = local.m16 }
  m18 = { a = local.m17, b = local.m17 }
  m19 = { a = local.m18, b = local.m18 }
  m20 = { a = local.m19, b = local.m19 }
  m21 = { a = local.m20, b = local.m20 }
  m22 = { a = local.m21, b = local.m21 }
  m23 = { a = local.m22, b = local.m22 }
  m24 = { a = local.m23, b = local.m23 }
  m25 = { a = local.m24, b = local.m24 }
  m26 = { a = local.m25, b = local.m25 }
  m27 = { a = local.m26, b = local.m26 }
  m28 = { a = local.m27, b = local.m27 }
  m29 = { a = local.m28, b = local.m28 }
  m30 = { a = local.m29, b = local.m29 }
  m31 = { a = local.m30, b = local.m30 }
  m32 = { a = local.m31, b = local.m31 }
  m33 = { a = local.m32, b = local.m32 }
  m34 = { a = local.m33, b = local.m33 }
  m35 = { a = local.m34, b = local.m34 }
  m36 = { a = local.m35, b = local.m35 }
  m37 = { a = local.m36, b = local.m36 }
  m38 = { a = local.m37, b = local.m37 }
  m39 = { a = local.m38, b = local.m38 }
  m40 = { a = local.m39, b = local.m39 }
  s0 = "0123456789abcdef"
  s1 = "${local.s0}${local.s0}"
  s2 = "${local.s1}${local.s1}"
  s3 = "${local.s2}${local.s2}"
  s4 = "${local.s3}${local.s3}"
  s5 = "${local.s4}${local.s4}"
  s6 = "${local.s5}${local.s5}"
  s7 = "${local.s6}${local.s6}"
  s8 = "${local.s7}${local.s7}"
  s9 = "${local.s8}${local.s8}"
  s10 = "${local.s9}${local.s9}"
  s11 = "${local.s10}${local.s10}"
  s12 = "${local.s11}${local.s11}"
  s13 = "${local.s12}${local.s12}"
  s14 = "${local.s13}${local.s13}"
  s15 = "${local.s14}${local.s14}"
  s16 = "${local.s15}${local.s15}"
  s17 = "${local.s16}${local.s16}"
  s18 = "${local.s17}${local.s17}"
  s19 = "${local.s18}${local.s18}"
  s20 = "${local.s19}${local.s19}"
  s21 = "${local.s20}${local.s20}"
  s22 = "${local.s21}${local.s21}"
  s23 = "${local.s22}${local.s22}"
  s24 = "${local.s23}${local.s23}"
  s25 = "${local.s24}${local.s24}"
  s26 = "${local.s25}${local.s25}"
  s27 = "${local.s26}${local.s26}"
  s28 = "${local.s27}${local.s27}"
  s29 = "${local.s28}${local.s28}"
  s30 = "${local.s29}${local.s29}"
  s31 = "${local.s30}${local.s30}"
  s32 = "${local.s31}${local.s31}"
  s33 = "${local.s32}${local.s32}"
  s34 = "${local.s33}${local.s33}"
  s35 = "${local.s34}${local.s34}"
  s36 = "${local.s35}${local.s35}"
  s37 = "${local.s36}${local.s36}"
  s38 = "${local.s37}${local.s37}"
  s39 = "${local.s38}${local.s38}"
  s40 = "${local.s39}${local.s39}"
  d0 = 1
  d1 = local.d0 + 1
  d2 = local.d1 + 1
  d3 = local.d2 + 1
  d4 = local.d3 + 1
  d5 = local.d4 + 1
  d6 = local.d5 + 1
  d7 = local.d6 + 1
  d8 = local.d7 + 1
  d9 = local.d8 + 1
  d10 = local.d9 + 1
  d11 = local.d10 + 1
  d12 = local.d11 + 1
  d13 = local.d12 + 1
  d14 = local.d13 + 1
  d15 = local.d14 + 1
  d16 = local.d15 + 1
  d17 = local.d16 + 1
  d18 = local.d17 + 1
  d19 = local.d18 + 1
  d20 = local.d19 + 1
  d21 = local.d20 + 1
  d22 = local.d21 + 1
  d23 = local.d22 + 1
  d24 = local.d23 + 1
  d25 = local.d24 + 1
  d26 = local.d25 + 1
  d27 = local.d26 + 1
  d28 = local.d27 + 1
  d29 = local.d28 + 1
  d30 = local.d29 + 1
  d31 = local.d30 + 1
  d32 = local.d31 + 1
  d33 = local.d32 + 1
  d34 = local.d33 + 1
  d35 = local.d34 + 1
  d36 = local.d35 + 1
  d37 = local.d36 + 1
  d38 = local.d37 + 1
  d39 = local.d38 + 1
  d40 = local.d39 + 1
  d41 = local.d40 + 1
  d42 = local.d41 + 1
  d43 = local.d42 + 1
  d44 = local.d43 + 1
  d45 = local.d44 + 1
  d46 = local.d45 + 1
  d47 = local.d46 + 1
  d48 = local.d47 + 1
  d49 = local.d48 + 1
  d50 = local.d49 + 1
  d51 = local.d50 + 1
  d52 = local.d51 + 1
  d53 = local.d52 + 1
  d54 = local.d53 + 1
  d55 = local.d54 + 1
  d56 = local.d55 + 1
  d57 = local.d56 + 1
  d58 = local.d57 + 1
  d59 = local.d58 + 1
  d60 = local.d59 + 1
  d61 = local.d60 + 1
  d62 = local.d61 + 1
  d63 = local.d62 + 1
  d64 = local.d63 + 1
  d65 = local.d64 + 1
  d66 = local.d65 + 1
  d67 = local.d66 + 1
  d68 = local.d67 + 1
  d69 = local.d68 + 1
  d70 = local.d69 + 1
  d71 = local.d70 + 1
  d72 = local.d71 + 1
  d73 = local.d72 + 1
  d74 = local.d73 + 1
  d75 = local.d74 + 1
  d76 = local.d75 + 1
  d77 = local.d76 + 1
  d78 = local.d77 + 1
  d79 = local.d78 + 1
  d80 = local.d79 + 1
  d81 = local.d80 + 1
  d82 = local.d81 + 1
  d83 = local.d82 + 1
  d84 = local.d83 + 1
  d85 = local.d84 + 1
  d86 = local.d85 + 1
  d87 = local.d86 + 1
  d88 = local.d87 + 1
  d89 = local.d88 + 1
  d90 = local.d89 + 1
  d91 = local.d90 + 1
  d92 = local.d91 + 1
  d93 = local.d92 + 1
  d94 = local.d93 + 1
  d95 = local.d94 + 1
  d96 = local.d95 + 1
  d97 = local.d96 + 1
  d98 = local.d97 + 1
  d99 = local.d98 + 1
  d100 = local.d99 + 1
  d101 = local.d100 + 1
  d102 = local.d101 + 1
  d103 = local.d102 + 1
  d104 = local.d103 + 1
  d105 = local.d104 + 1
  d106 = local.d105 + 1
  d107 = local.d106 + 1
  d108 = local.d107 + 1
  d109 = local.d108 + 1
  d110 = local.d109 + 1
  d111 = local.d110 + 1
  d112 = local.d111 + 1
  d113 = local.d112 + 1
  d114 = local.d113 + 1
  d115 = local.d114 + 1
  d116 = local.d115 + 1
  d117 = local.d116 + 1
  d118 = local.d117 + 1
  d119 = local.d118 + 1
  d120 = local.d119 + 1
  d121 = local.d120 + 1
  d122 = local.d121 + 1
  d123 = local.d122 + 1
  d124 = local.d123 + 1
  d125 = local.d124 + 1
  d126 = local.d125 + 1
  d127 = local.d126 + 1
  d128 = local.d127 + 1
  d129 = local.d128 + 1
  d130 = local.d129 + 1
  d131 = local.d130 + 1
  d132 = local.d131 + 1
  d133 = local.d132 + 1
  d134 = local.d133 + 1
  d135 = local.d134 + 1
  d136 = local.d135 + 1
  d137 = local.d136 + 1
  d138 = local.d137 + 1
  d139 = local.d138 + 1
  d140 = local.d139 + 1
  d141 = local.d140 + 1
  d142 = local.d141 + 1
  d143 = local.d142 + 1
  d144 = local.d143 + 1
  d145 = local.d144 + 1
  d146 = local.d145 + 1
  d147 = local.d146 + 1
  d148 = local.d147 + 1
  d149 = local.d148 + 1
  d150 = local.d149 + 1
  d151 = local.d150 + 1
  d152 = local.d151 + 1
  d153 = local.d152 + 1
  d154 = local.d153 + 1
  d155 = local.d154 + 1
  d156 = local.d155 + 1
  d157 = local.d156 + 1
  d158 = local.d157 + 1
  d159 = local.d158 + 1
  d160 = local.d159 + 1
  d161 = local.d160 + 1
  d162 = local.d161 + 1
  d163 = local.d162 + 1
  d164 = local.d163 + 1
  d165 = local.d164 + 1
  d166 = local.d165 + 1
  d167 = local.d166 + 1
  d168 = local.d167 + 1
  d169 = local.d168 + 1
  d170 = local.d169 + 1
  d171 = local.d170 + 1
  d172 = local.d171 + 1
  d173 = local.d172 + 1
  d174 = local.d173 + 1
  d175 = local.d174 + 1
  d176 = local.d175 + 1
  d177 = local.d176 + 1
  d178 = local.d177 + 1
  d179 = local.d178 + 1
  d180 = local.d179 + 1
  d181 = local.d180 + 1
  d182 = local.d181 + 1
  d183 = local.d182 + 1
  d184 = local.d183 + 1
  d185 = local.d184 + 1
  d186 = local.d185 + 1
  d187 = local.d186 + 1
  d188 = local.d187 + 1
  d189 = local.d188 + 1
  d190 = local.d189 + 1
  d191 = local.d190 + 1
  d192 = local.d191 + 1
  d193 = local.d192 + 1
  d194 = local.d193 + 1
  d195 = local.d194 + 1
  d196 = local.d195 + 1
  d197 = local.d196 + 1
  d198 = local.d197 + 1
  d199 = local.d198 + 1
  d200 = local.d199 + 1
  d201 = local.d200 + 1
  d202 = local.d201 + 1
  d203 = local.d202 + 1
  d204 = local.d203 + 1
  d205 = local.d204 + 1
  d206 = local.d205 + 1
  d207 = local.d206 + 1
  d208 = local.d207 + 1
  d209 = local.d208 + 1
  d210 = local.d209 + 1
  d211 = local.d210 + 1
  d212 = local.d211 + 1
  d213 = local.d212 + 1
  d214 = local.d213 + 1
  d215 = local.d214 + 1
  d216 = local.d215 + 1
  d217 = local.d216 + 1
  d218 = local.d217 + 1
  d219 = local.d218 + 1
  d220 = local.d219 + 1
  d221 = local.d220 + 1
  d222 = local.d221 + 1
  d223 = local.d222 + 1
  d224 = local.d223 + 1
  d225 = local.d224 + 1
  d226 = local.d225 + 1
  d227 = local.d226 + 1
  d228 = local.d227 + 1
  d229 = local.d228 + 1
  d230 = local.d229 + 1
  d231 = local.d230 + 1
  d232 = local.d231 + 1
  d233 = local.d232 + 1
  d234 = local.d233 + 1
  d235 = local.d234 + 1
  d236 = local.d235 + 1
  d237 = local.d236 + 1
  d238 = local.d237 + 1
  d239 = local.d238 + 1
  d240 = local.d239 + 1
  d241 = local.d240 + 1
  d242 = local.d241 + 1
  d243 = local.d242 + 1
  d244 = local.d243 + 1
  d245 = local.d244 + 1
  d246 = local.d245 + 1
  d247 = local.d246 + 1
  d248 = local.d247 + 1
  d249 = local.d248 + 1
  d250 = local.d249 + 1
  d251 = local.d250 + 1
  d252 = local.d251 + 1
  d253 = local.d252 + 1
  d254 = local.d253 + 1
  d255 = local.d254 + 1
  d256 = local.d255 + 1
  d257 = local.d256 + 1
  d258 = local.d257 + 1
  d259 = local.d258 + 1
  d260 = local.d259 + 1
  d261 = local.d260 + 1
  d262 = local.d261 + 1
  d263 = local.d262 + 1
  d264 = local.d263 + 1
  d265 = local.d264 + 1
  d266 = local.d265 + 1
  d267 = local.d266 + 1
  d268 = local.d267 + 1
  d269 = local.d268 + 1
  d270 = local.d269 + 1
  d271 = local.d270 + 1
  d272 = local.d271 + 1
  d273 = local.d272 + 1
  d274 = local.d273 + 1
  d275 = local.d274 + 1
  d276 = local.d275 + 1
  d277 = local.d276 + 1
  d278 = local.d277 + 1
  d279 = local.d278 + 1
  d280 = local.d279 + 1
  d281 = local.d280 + 1
  d282 = local.d281 + 1
  d283 = local.d282 + 1
  d284 = local.d283 + 1
  d285 = local.d284 + 1
  d286 = local.d285 + 1
  d287 = local.d286 + 1
  d288 = local.d287 + 1
  d289 = local.d288 + 1
  d290 = local.d289 + 1
  d291 = local.d290 + 1
  d292 = local.d291 + 1
  d293 = local.d292 + 1
  d294 = local.d293 + 1
  d295 = local.d294 + 1
  d296 = local.d295 + 1
  d297 = local.d296 + 1
  d298 = local.d297 + 1
  d299 = local.d298 + 1
  d300 = local.d299 + 1
  f = [for x in local.l30 : [for y in local.l30 : x]]
  j = jsonencode(local.m40)
  n = length(local.l40)
}
