/** Who is asking: a signed-in user (a guest or an OAuth account). */
export interface Actor {
  /** `guest:<random>`, `github:<id>` or `google:<id>`. */
  userId: string
  name: string
}
